package org.isu.clearance.registry;

import java.time.LocalDate;

/**
 * One extension of a State Party's clearance deadline, as decided by a meeting.
 *
 * @param decision {@code granted}, {@code granted-shorter}, or {@code requested} where
 * only the request is known
 */
public record Extension(LocalDate previousDeadline, LocalDate newDeadline, String meetingCode, String decision,
		LocalDate decidedOn, String reference, String notes) {

}
