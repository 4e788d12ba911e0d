package org.isu.clearance.workplan;

import java.time.LocalDate;

/**
 * One quarter of the coordinators' work plan in one year, as the quarterly digest and the
 * dashboard's work-plan page show it.
 *
 * @param name such as {@code Q4}
 * @param firstDay the quarter's first day
 * @param lastDay the quarter's last day
 */
public record WorkPlanQuarter(String name, LocalDate firstDay, LocalDate lastDay) {

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay);
	}

}
