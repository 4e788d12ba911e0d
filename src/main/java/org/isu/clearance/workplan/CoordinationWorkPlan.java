package org.isu.clearance.workplan;

import java.util.List;

/**
 * The contract of the {@code coordination-work-plan} model: one instance per convention
 * and cycle, business key {@code WP-{convention}-{meeting}} (such as
 * {@code WP-CCM-13MSP}).
 */
public final class CoordinationWorkPlan {

	public static final String PROCESS_KEY = "coordination-work-plan";

	/** {@code CCM} or {@code APMBC}. */
	public static final String CONVENTION = "convention";

	/** The meeting the cycle leads to, such as {@code 13MSP}. */
	public static final String MEETING_CODE = "meetingCode";

	/** The meeting's first day (ISO date): no task falls due after it. */
	public static final String MEETING_FIRST_DAY = "meetingFirstDay";

	/** The day the cycle opens (ISO date): the day after the previous meeting closed. */
	public static final String CYCLE_OPENS_ON = "cycleOpensOn";

	/** The configured activity of a {@code Task_Activity} or {@code Task_Meeting}. */
	public static final String ACTIVITY_ID = "activityId";

	/** The language of a {@code Task_TranslateWorkingPaper}. */
	public static final String LANGUAGE = "language";

	/**
	 * Task-local, set when the task is created: the item of the plan the task is, such as
	 * {@code activity:priorities-with-isu}, {@code step:draft} or {@code translate:fr}.
	 */
	public static final String ITEM = "workPlanItem";

	/** Form field: what came of the activity. */
	public static final String OUTCOME_NOTE = "outcomeNote";

	/** Form field: the day a meeting was held (ISO date). */
	public static final String HELD_ON = "heldOn";

	/** Form field: the document symbol of a translation or of the official document. */
	public static final String DOCUMENT_SYMBOL = "documentSymbol";

	public static final String TIMER_CYCLE_OPENS = "Timer_CycleOpens";

	public static final String TASK_ACTIVITY = "Task_Activity";

	public static final String TASK_MEETING = "Task_Meeting";

	public static final String TASK_DRAFT_WORKING_PAPER = "Task_DraftWorkingPaper";

	public static final String TASK_FINALISE_WORKING_PAPER = "Task_FinaliseWorkingPaper";

	public static final String TASK_TRANSLATE_WORKING_PAPER = "Task_TranslateWorkingPaper";

	public static final String TASK_SUBMIT_WORKING_PAPER = "Task_SubmitWorkingPaper";

	public static final String TASK_PRESENT_WORKING_PAPER = "Task_PresentWorkingPaper";

	/** The working paper's path, in order: the step each task is. */
	public static final List<String> WORKING_PAPER_TASKS = List.of(TASK_DRAFT_WORKING_PAPER,
			TASK_FINALISE_WORKING_PAPER, TASK_TRANSLATE_WORKING_PAPER, TASK_SUBMIT_WORKING_PAPER,
			TASK_PRESENT_WORKING_PAPER);

	/** The configuration's name of each working-paper step, in the same order. */
	public static final List<String> WORKING_PAPER_STEPS = List.of("draft", "finalise", "translate", "submit",
			"present");

	private CoordinationWorkPlan() {
	}

	public static String businessKey(String convention, String meetingCode) {
		return "WP-" + convention + "-" + meetingCode;
	}

	static String step(String taskDefinitionKey) {
		int index = WORKING_PAPER_TASKS.indexOf(taskDefinitionKey);
		return (index < 0) ? null : WORKING_PAPER_STEPS.get(index);
	}

}
