package org.isu.clearance.request;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.calendar.DeadlinePlan;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.registry.Registry;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Due dates of the tasks of a request, from the deadline calendar, for the model's
 * {@code camunda:dueDate} and timer expressions ({@code ${requestDueDates...}}). A task
 * whose calendar date has already passed when it is created (a late request) gets at
 * least the configured minimum period.
 */
@Component("requestDueDates")
public class RequestDueDates {

	private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private final DeadlineCalendar calendar;

	private final RequestProperties properties;

	private final Registry registry;

	RequestDueDates(DeadlineCalendar calendar, RequestProperties properties, Registry registry) {
		this.calendar = calendar;
		this.properties = properties;
		this.registry = registry;
	}

	public Date checkCompleteness(DelegateExecution execution) {
		LocalDate receivedOn = VariableDates.toLocalDate(SUBMITTED_ON, execution.getVariable(SUBMITTED_ON));
		return atDueTime(this.calendar.intakeDue((receivedOn != null) ? receivedOn : today()));
	}

	public Date recordSupplement(DelegateExecution execution) {
		return atDueTime(this.calendar.supplementDue(today()));
	}

	public Date preliminaryReview(DelegateExecution execution) {
		LocalDate receivedOn = VariableDates.toLocalDate(SUBMITTED_ON, execution.getVariable(SUBMITTED_ON));
		return atDueTime(notBeforeMinimum(this.calendar.preliminaryReviewDue(plan(execution), receivedOn)));
	}

	public Date stateResponse(DelegateExecution execution) {
		return atDueTime(notBeforeMinimum(plan(execution).stateResponse()));
	}

	/**
	 * The reviewing body reviews the State's answers within the configured period, never
	 * past the final review's date.
	 */
	public Date answersReview(DelegateExecution execution) {
		LocalDate within = today().plus(this.properties.answersReviewPeriod());
		LocalDate finalReview = plan(execution).finalReview();
		return atDueTime(notBeforeMinimum(within.isBefore(finalReview) ? within : finalReview));
	}

	/**
	 * The State presents its request at the intersessional meetings of the deciding
	 * meeting's year (the registry's calendar, or the configured day).
	 */
	public Date intersessionalPresentation(DelegateExecution execution) {
		DeadlinePlan plan = plan(execution);
		return atDueTime(notBeforeMinimum(this.calendar.intersessionalPresentationDue(plan.meeting(),
				this.registry.meetings(plan.convention()))));
	}

	public Date finalReview(DelegateExecution execution) {
		return atDueTime(notBeforeMinimum(plan(execution).finalReview()));
	}

	public Date endorsement(DelegateExecution execution) {
		return atDueTime(notBeforeMinimum(plan(execution).endorsement()));
	}

	public Date translation(DelegateExecution execution) {
		return atDueTime(notBeforeMinimum(plan(execution).translation()));
	}

	public Date presentation(DelegateExecution execution) {
		return atDueTime(notBeforeMinimum(plan(execution).presentation()));
	}

	/**
	 * The decision is recorded a few days after the meeting's last day.
	 */
	public Date decision(DelegateExecution execution) {
		return atDueTime(plan(execution).decisionRecorded());
	}

	/**
	 * The start of the meeting's first day; in the past, the timer fires at once.
	 */
	public Date meetingOpens(DelegateExecution execution) {
		LocalDate firstDay = VariableDates.toLocalDate(MEETING_FIRST_DAY, execution.getVariable(MEETING_FIRST_DAY));
		return Date.from(firstDay.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * When the "due soon" reminder of a task goes out: the configured lead before its due
	 * date.
	 */
	public Date dueSoon(DelegateExecution execution, String taskId) {
		LocalDateTime due = toLocalDateTime(dueDateOf(execution, taskId));
		return Date.from(due.minus(this.properties.dueSoonLead()).atZone(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * The overdue reminders of a task: at its due date, then at the configured interval.
	 */
	public String overdueCycle(DelegateExecution execution, String taskId) {
		LocalDateTime due = toLocalDateTime(dueDateOf(execution, taskId));
		return "R/" + CYCLE_START.format(due) + "/" + this.properties.overdueInterval();
	}

	/**
	 * The due date of a waiting task, as its due-date expression computes it.
	 */
	public Date dueDateOf(DelegateExecution execution, String taskId) {
		return switch (taskId) {
			case TASK_CHECK_COMPLETENESS -> checkCompleteness(execution);
			case TASK_RECORD_SUPPLEMENT -> recordSupplement(execution);
			case TASK_PRELIMINARY_REVIEW -> preliminaryReview(execution);
			case TASK_RECORD_STATE_RESPONSE -> stateResponse(execution);
			case TASK_REVIEW_STATE_ANSWERS -> answersReview(execution);
			case TASK_INTERSESSIONAL_PRESENTATION -> intersessionalPresentation(execution);
			case TASK_FINAL_REVIEW -> finalReview(execution);
			case TASK_ENDORSE_ANALYSIS -> endorsement(execution);
			case TASK_CONFIRM_TRANSLATION -> translation(execution);
			case TASK_PREPARE_PRESENTATION -> presentation(execution);
			case TASK_RECORD_DECISION -> decision(execution);
			default -> throw new IllegalArgumentException("No due date for " + taskId);
		};
	}

	DeadlinePlan plan(VariableScope variables) {
		Convention convention = Convention.valueOf((String) variables.getVariable(CONVENTION));
		LocalDate deadline = VariableDates.toLocalDate(CURRENT_DEADLINE, variables.getVariable(CURRENT_DEADLINE));
		Meeting meeting = new Meeting(convention, (String) variables.getVariable(MEETING_CODE), MeetingKind.MSP,
				VariableDates.toLocalDate(MEETING_FIRST_DAY, variables.getVariable(MEETING_FIRST_DAY)),
				VariableDates.toLocalDate(MEETING_LAST_DAY, variables.getVariable(MEETING_LAST_DAY)), null, false);
		return this.calendar.plan(convention, deadline, meeting);
	}

	private LocalDate notBeforeMinimum(LocalDate due) {
		LocalDate earliest = today().plus(this.properties.minimumTaskPeriod());
		return due.isBefore(earliest) ? earliest : due;
	}

	private Date atDueTime(LocalDate day) {
		return Date.from(day.atTime(this.properties.dueTime()).atZone(ZoneId.systemDefault()).toInstant());
	}

	private static LocalDateTime toLocalDateTime(Date date) {
		return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
	}

	static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

}
