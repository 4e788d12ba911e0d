package org.isu.clearance.registry;

import java.time.LocalDate;

/**
 * One extension of a State Party's clearance deadline, as decided by a meeting.
 *
 * @param decision the status: {@code requested} (in progress, or the outcome not
 * confirmed), {@code granted}, {@code granted-shorter}, {@code refused} or
 * {@code not-considered-late}; only the granted ones moved the deadline
 * @param newDeadline the deadline granted, requested, or (refused, not considered) the
 * unchanged one
 */
public record Extension(LocalDate previousDeadline, LocalDate newDeadline, String meetingCode, String decision,
		LocalDate decidedOn, String reference, String notes) {

}
