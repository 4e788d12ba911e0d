package org.isu.clearance.registry;

import jakarta.validation.constraints.NotNull;

/**
 * What the ISU records for a State Party and reporting year.
 */
public record Article7ReportInput(@NotNull Boolean reportReceived, @NotNull Boolean reportsLapIndicators,
		@NotNull Boolean countryCoalition) {

}
