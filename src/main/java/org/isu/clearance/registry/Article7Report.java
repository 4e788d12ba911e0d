package org.isu.clearance.registry;

/**
 * What the ISU recorded about a State Party's Article 7 report for a reporting year (the
 * report due on 30 April of year Y covers calendar year Y − 1) and about the work plan's
 * other objectives that year.
 *
 * @param reportingYear the calendar year the report covers
 * @param reportReceived the report was received
 * @param reportsLapIndicators it reports on the indicators of Lausanne Action Plan
 * Actions 18–30
 * @param countryCoalition a Country Coalition is established
 */
public record Article7Report(Convention convention, String code, int reportingYear, boolean reportReceived,
		boolean reportsLapIndicators, boolean countryCoalition) {

	/**
	 * The reporting year of the report due on a day: the calendar year before it.
	 */
	public static int reportingYearOfReportDue(java.time.LocalDate due) {
		return due.getYear() - 1;
	}

}
