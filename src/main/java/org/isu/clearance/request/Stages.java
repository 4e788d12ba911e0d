package org.isu.clearance.request;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The stages a request stands in, in the order of the process: its user tasks, the
 * letters being sent and the wait for the meeting (ids of the process contract). Their
 * names come from one place, the message bundles' {@code stage.<id>}: pages in the
 * reader's language, the API and the CSV export in English.
 */
public final class Stages {

	private static final List<String> IDS = List.of("Task_AcknowledgeReceipt",
			ExtensionRequestProcess.TASK_CHECK_COMPLETENESS, "Task_RequestSupplement",
			ExtensionRequestProcess.TASK_RECORD_SUPPLEMENT, ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW,
			"Task_SendQuestions", ExtensionRequestProcess.TASK_RECORD_STATE_RESPONSE,
			ExtensionRequestProcess.TASK_REVIEW_STATE_ANSWERS, ExtensionRequestProcess.TASK_INTERSESSIONAL_PRESENTATION,
			ExtensionRequestProcess.TASK_FINAL_REVIEW, ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS,
			ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION, ExtensionRequestProcess.TASK_PREPARE_PRESENTATION,
			ExtensionRequestProcess.TIMER_MEETING_OPENS, ExtensionRequestProcess.TASK_RECORD_DECISION,
			"Task_NotifyDecision", "Task_ConfirmWithdrawal");

	/** The English names (the base bundle), for the API and the CSV export. */
	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private Stages() {
	}

	public static List<String> ids() {
		return IDS;
	}

	public static boolean isStage(String activityId) {
		return IDS.contains(activityId);
	}

	public static String name(String activityId) {
		String key = "stage." + activityId;
		return ENGLISH.containsKey(key) ? ENGLISH.getString(key) : activityId;
	}

	public static int order(String activityId) {
		int index = IDS.indexOf(activityId);
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

}
