package org.isu.clearance.registry;

/**
 * The work plan's objectives counted over a convention's States Parties for one reporting
 * year.
 *
 * @param states the States Parties registered
 * @param received those whose report was received
 * @param missing those whose report was not received (nothing recorded, or recorded as
 * not received)
 * @param lapIndicators those whose report covers the LAP Actions 18–30 indicators
 * @param countryCoalitions those with a Country Coalition established
 */
public record Article7Counts(Convention convention, int reportingYear, int states, int received, int missing,
		int lapIndicators, int countryCoalitions) {

}
