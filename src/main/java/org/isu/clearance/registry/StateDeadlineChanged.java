package org.isu.clearance.registry;

import java.time.LocalDate;

/**
 * A State Party's clearance deadline was registered or moved.
 *
 * @param previousDeadline {@code null} when the State Party is new
 */
public record StateDeadlineChanged(Convention convention, String code, LocalDate previousDeadline,
		LocalDate newDeadline) {

}
