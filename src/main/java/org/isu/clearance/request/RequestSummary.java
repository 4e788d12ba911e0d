package org.isu.clearance.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One extension request as the list shows it.
 *
 * @param status {@code open}, {@code granted}, {@code refused}, {@code withdrawn} or
 * {@code closed}
 * @param stages where an open request stands (several in parallel at most in
 * translation); empty when closed
 * @param daysToSubmissionDue days from today to the submission due date (negative: past)
 * @param daysToMeeting days from today to the first day of the meeting
 * @param overdue an open task is past its due date
 */
public record RequestSummary(String businessKey, String processInstanceId, String convention, String stateCode,
		String stateName, String meetingCode, LocalDate meetingFirstDay, LocalDate submissionDue, LocalDate submittedOn,
		LocalDate currentDeadline, LocalDate requestedDeadline, boolean lateSubmission, String status, String decision,
		Instant startedAt, Instant endedAt, List<StageView> stages, Long daysToSubmissionDue, Long daysToMeeting,
		boolean overdue) {

	/**
	 * Received after the State's clearance deadline had expired: the State is in breach
	 * until a decision.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("deadlineExpired")
	public boolean deadlineExpired() {
		return this.submittedOn != null && this.currentDeadline != null
				&& this.submittedOn.isAfter(this.currentDeadline);
	}

	/**
	 * A stage an open request stands in, with its open task(s).
	 *
	 * @param activityId the model's element id, such as {@code Task_FinalReview}
	 * @param taskId the open task (the first one, for the translation's parallel tasks)
	 * @param assignee who holds the task, {@code null} while unclaimed
	 * @param candidateGroup the group that may claim it
	 * @param due the task's due date (the earliest of parallel tasks)
	 * @param openTasks how many tasks are open in this stage
	 */
	public record StageView(String activityId, String name, String taskId, String assignee, String candidateGroup,
			Instant due, boolean overdue, int openTasks) {

	}

}
