package org.isu.clearance.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages a request stands in, in the order of the process: its user tasks, the
 * letters being sent and the wait for the meeting. Element ids as in
 * docs/process-contract.md; English names for the API and the CSV export (pages take
 * theirs from the message bundles, {@code stage.<id>}).
 */
final class Stages {

	private static final Map<String, String> NAMES = new LinkedHashMap<>();

	static {
		NAMES.put("Task_AcknowledgeReceipt", "Acknowledging receipt");
		NAMES.put("Task_CheckCompleteness", "Completeness check");
		NAMES.put("Task_RequestSupplement", "Requesting a supplement");
		NAMES.put("Task_RecordSupplement", "Waiting for the supplement");
		NAMES.put("Task_PreliminaryReview", "Preliminary review");
		NAMES.put("Task_SendQuestions", "Sending questions");
		NAMES.put("Task_RecordStateResponse", "Waiting for the State's answers");
		NAMES.put("Task_ReviewStateAnswers", "Reviewing the State's answers");
		NAMES.put("Task_IntersessionalPresentation", "Intersessional presentation");
		NAMES.put("Task_FinalReview", "Final review");
		NAMES.put("Task_EndorseAnalysis", "Endorsement");
		NAMES.put("Task_ConfirmTranslation", "Translation");
		NAMES.put("Task_PrepareMeetingPresentation", "Presentation");
		NAMES.put("Timer_MeetingOpens", "Waiting for the meeting");
		NAMES.put("Task_RecordDecision", "Recording the decision");
		NAMES.put("Task_NotifyDecision", "Notifying the decision");
		NAMES.put("Task_ConfirmWithdrawal", "Confirming the withdrawal");
	}

	private Stages() {
	}

	static List<String> ids() {
		return List.copyOf(NAMES.keySet());
	}

	static boolean isStage(String activityId) {
		return NAMES.containsKey(activityId);
	}

	static String name(String activityId) {
		return NAMES.getOrDefault(activityId, activityId);
	}

	static int order(String activityId) {
		int index = ids().indexOf(activityId);
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

}
