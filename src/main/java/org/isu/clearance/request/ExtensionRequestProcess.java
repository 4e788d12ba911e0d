package org.isu.clearance.request;

import org.isu.clearance.notification.MailVariables;

/**
 * Ids of the {@code extension-request} model and the names of its variables, as
 * documented in docs/process-contract.md. Code and tests name the model only through
 * these.
 */
public final class ExtensionRequestProcess {

	public static final String PROCESS_KEY = "extension-request";

	public static final String MESSAGE_WITHDRAWN = "RequestWithdrawn";

	// user tasks
	public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";

	public static final String TASK_RECORD_SUPPLEMENT = "Task_RecordSupplement";

	public static final String TASK_PRELIMINARY_REVIEW = "Task_PreliminaryReview";

	public static final String TASK_RECORD_STATE_RESPONSE = "Task_RecordStateResponse";

	public static final String TASK_REVIEW_STATE_ANSWERS = "Task_ReviewStateAnswers";

	public static final String TASK_INTERSESSIONAL_PRESENTATION = "Task_IntersessionalPresentation";

	public static final String TASK_FINAL_REVIEW = "Task_FinalReview";

	public static final String TASK_ENDORSE_ANALYSIS = "Task_EndorseAnalysis";

	public static final String TASK_CONFIRM_TRANSLATION = "Task_ConfirmTranslation";

	public static final String TASK_PREPARE_PRESENTATION = "Task_PrepareMeetingPresentation";

	public static final String TASK_RECORD_DECISION = "Task_RecordDecision";

	// other elements
	public static final String TIMER_MEETING_OPENS = "Timer_MeetingOpens";

	public static final String END_GRANTED = "End_ExtensionGranted";

	public static final String END_REFUSED = "End_ExtensionRefused";

	public static final String END_WITHDRAWN = "End_Withdrawn";

	// variables set at the start
	public static final String CONVENTION = MailVariables.CONVENTION;

	public static final String STATE_CODE = "stateCode";

	public static final String STATE_NAME = MailVariables.STATE_NAME;

	public static final String MEETING_CODE = MailVariables.MEETING_CODE;

	public static final String MEETING_FIRST_DAY = "meetingFirstDay";

	public static final String MEETING_LAST_DAY = "meetingLastDay";

	public static final String CURRENT_DEADLINE = "currentDeadline";

	public static final String REQUESTED_DEADLINE = "requestedDeadline";

	public static final String LATEST_ALLOWED_DEADLINE = "latestAllowedDeadline";

	public static final String SUBMITTED_ON = "submittedOn";

	public static final String SUBMISSION_DUE = "submissionDue";

	public static final String LATE_SUBMISSION = "lateSubmission";

	/**
	 * The request was received after the State's deadline D had expired: accepted, but
	 * the State is in breach until a decision (set by the engine at the start, not a form
	 * field).
	 */
	public static final String DEADLINE_EXPIRED = "deadlineExpired";

	public static final String SUMMARY = "summary";

	public static final String FOCAL_POINT_EMAIL = MailVariables.FOCAL_POINT_EMAIL;

	public static final String PREFERRED_LANGUAGE = MailVariables.PREFERRED_LANGUAGE;

	public static final String RAPPORTEUR = "rapporteur";

	public static final String LANGUAGES = "languages";

	/**
	 * The name of the body that reviews the request (the CCM's Analysis Group, the
	 * APMBC's Committee on Article 5 Implementation), for the forms; set by the engine.
	 */
	public static final String REVIEW_BODY = "reviewBody";

	/** The convention's intake checklist (Markdown), for the completeness form. */
	public static final String COMPLETENESS_CHECKLIST = "completenessChecklist";

	public static final String LANGUAGE = "language";

	public static final String WITHDRAWAL_REASON = "withdrawalReason";

	public static final String TRANSLATIONS = "translations";

	// outcomes
	public static final String REQUEST_COMPLETE = "requestComplete";

	public static final String COMPLETENESS_NOTES = "completenessNotes";

	public static final String SUPPLEMENT_SUMMARY = "supplementSummary";

	public static final String PRELIMINARY_FINDINGS = "preliminaryFindings";

	public static final String QUESTIONS_FOR_STATE = "questionsForState";

	public static final String QUESTIONS = "questions";

	public static final String RESPONSE_SUMMARY = "responseSummary";

	public static final String REVISED_REQUEST_RECEIVED = "revisedRequestReceived";

	public static final String REVISED_REQUESTED_DEADLINE = "revisedRequestedDeadline";

	public static final String REVISED_RECEIVED_ON = "revisedReceivedOn";

	public static final String REVISED_SUMMARY = "revisedSummary";

	public static final String ANSWERS_ASSESSMENT = "answersAssessment";

	public static final String FURTHER_QUESTIONS = "furtherQuestions";

	/** The next round's questions (they become {@link #QUESTIONS} when sent). */
	public static final String NEXT_QUESTIONS = "nextQuestions";

	public static final String INTERSESSIONAL_PRESENTED_ON = "intersessionalPresentedOn";

	public static final String INTERSESSIONAL_PRESENTATION = "intersessionalPresentation";

	public static final String COMMITTEE_OBSERVATIONS = "committeeObservations";

	public static final String ANALYSIS = "analysis";

	public static final String DRAFT_DECISION = "draftDecision";

	public static final String RECOMMENDATION = "recommendation";

	public static final String RECOMMENDED_DEADLINE = "recommendedDeadline";

	public static final String ENDORSED = "endorsed";

	public static final String ENDORSEMENT_COMMENTS = "endorsementComments";

	public static final String DOCUMENT_SYMBOL = "documentSymbol";

	public static final String TRANSLATION_CONFIRMED = "translationConfirmed";

	public static final String PRESENTATION_NOTES = "presentationNotes";

	public static final String DECISION = "decision";

	public static final String NEW_DEADLINE = "newDeadline";

	public static final String DECISION_DOCUMENT = "decisionDocument";

	/**
	 * Optional remarks on the decision (for instance that an outcome is not confirmed);
	 * they join the notes of the extension recorded in the registry.
	 */
	public static final String DECISION_NOTES = "decisionNotes";

	private ExtensionRequestProcess() {
	}

	/**
	 * The business key of a request: {@code {convention}-{stateCode}-{meetingCode}}, such
	 * as {@code CCM-LAO-14MSP}.
	 */
	public static String businessKey(String convention, String stateCode, String meetingCode) {
		return convention + "-" + stateCode + "-" + meetingCode;
	}

}
