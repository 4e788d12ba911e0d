package org.isu.clearance.outreach;

/**
 * Ids of the {@code deadline-watch} and {@code article7-reminders} models and the names
 * of their variables. Code and tests name the models only through these.
 */
public final class DeadlineWatchProcess {

	public static final String PROCESS_KEY = "deadline-watch";

	public static final String ARTICLE7_PROCESS_KEY = "article7-reminders";

	/** Correlated when an extension request for the watched State and meeting starts. */
	public static final String MESSAGE_REQUEST_STARTED = "ExtensionRequestStarted";

	// deadline-watch elements
	public static final String TASK_CONTACT_STATE = "Task_ContactState";

	public static final String TIMER_CONTACT_DUE = "Timer_ContactDue";

	public static final String TIMER_FIRST_REMINDER = "Timer_FirstReminderDue";

	public static final String TIMER_SECOND_REMINDER = "Timer_SecondReminderDue";

	public static final String TIMER_FINAL_REMINDER = "Timer_FinalReminderDue";

	public static final String TIMER_SUBMISSION_OVERDUE = "Timer_SubmissionOverdue";

	public static final String TASK_SEND_FIRST_REMINDER = "Task_SendFirstReminder";

	public static final String TASK_SEND_SECOND_REMINDER = "Task_SendSecondReminder";

	public static final String TASK_SEND_FINAL_REMINDER = "Task_SendFinalReminder";

	public static final String TASK_ALERT_COORDINATORS = "Task_AlertCoordinators";

	public static final String END_STATE_CONTACTED = "End_StateContacted";

	public static final String END_NO_REQUEST = "End_NoRequestReceived";

	public static final String END_REQUEST_STARTED = "End_RequestStarted";

	// article7-reminders elements
	public static final String START_ARTICLE7_SEASON = "StartEvent_Article7ReminderDue";

	public static final String TASK_ARTICLE7_FIRST = "Task_SendArticle7FirstReminder";

	public static final String TIMER_ARTICLE7_FINAL = "Timer_Article7FinalReminderDue";

	public static final String TASK_ARTICLE7_FINAL = "Task_SendArticle7FinalReminder";

	public static final String END_ARTICLE7 = "End_Article7Reminded";

	// variables
	public static final String CONVENTION = "convention";

	public static final String STATE_CODE = "stateCode";

	public static final String STATE_NAME = "stateName";

	public static final String MEETING_CODE = "meetingCode";

	public static final String MEETING_FIRST_DAY = "meetingFirstDay";

	public static final String MEETING_PROVISIONAL = "meetingProvisional";

	public static final String CURRENT_DEADLINE = "currentDeadline";

	public static final String CONTACT_ON = "contactOn";

	public static final String SUBMISSION_DUE = "submissionDue";

	/**
	 * Input parameter of the reminder tasks: {@code first}, {@code second},
	 * {@code final}.
	 */
	public static final String REMINDER = "reminder";

	public static final String REPORT_DUE = "reportDue";

	// outcome of Task_ContactState
	public static final String CONTACT_OUTCOME = "contactOutcome";

	public static final String CONTACTED_ON = "contactedOn";

	public static final String COALITION_OFFERED = "countryCoalitionOffered";

	public static final String CONTACT_NOTES = "contactNotes";

	private DeadlineWatchProcess() {
	}

	/**
	 * The business key of a watch: {@code watch-{convention}-{stateCode}-{meetingCode}},
	 * such as {@code watch-CCM-LAO-14MSP}.
	 */
	public static String businessKey(String convention, String stateCode, String meetingCode) {
		return "watch-" + convention + "-" + stateCode + "-" + meetingCode;
	}

}
