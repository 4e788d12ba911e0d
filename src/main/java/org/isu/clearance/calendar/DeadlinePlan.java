package org.isu.clearance.calendar;

import java.time.LocalDate;

import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;

/**
 * The calendar of one extension cycle: the meeting that decides on the request and the
 * date each stage falls due, counted back from the meeting's first day M.
 *
 * @param currentDeadline the State's current clearance deadline D
 * @param meeting the target meeting: the last meeting of States Parties or review
 * conference that opens before D
 * @param meetingProjected the meeting is not registered yet; its dates are projected from
 * the convention's usual month
 * @param deadlineWatch M − 18 months: an extension becomes likely, outreach starts
 * @param submissionDue M − 9 months by default (Art. 4.6 CCM)
 * @param preliminaryReview review body's preliminary review due
 * @param stateResponse the State's answers or revised request due
 * @param finalReview analysis and draft decision due
 * @param endorsement endorsement of the analysis due
 * @param translation cut-off for translation into the six UN languages
 * @param presentation presentation at the meeting prepared
 * @param decisionRecorded the meeting's decision recorded (its last day + a few days)
 * @param latestNewDeadline the latest deadline a request may ask for (the convention's
 * cap)
 */
public record DeadlinePlan(Convention convention, LocalDate currentDeadline, Meeting meeting, boolean meetingProjected,
		LocalDate deadlineWatch, LocalDate submissionDue, LocalDate preliminaryReview, LocalDate stateResponse,
		LocalDate finalReview, LocalDate endorsement, LocalDate translation, LocalDate presentation,
		LocalDate decisionRecorded, LocalDate latestNewDeadline) {

	/**
	 * A request received after the submission due date is late: flagged, not refused.
	 */
	public boolean isLate(LocalDate submittedOn) {
		return submittedOn.isAfter(this.submissionDue);
	}

	/**
	 * A requested new deadline beyond the convention's cap, counted from the current
	 * deadline.
	 */
	public boolean exceedsCap(LocalDate requestedDeadline) {
		return requestedDeadline.isAfter(this.latestNewDeadline);
	}

}
