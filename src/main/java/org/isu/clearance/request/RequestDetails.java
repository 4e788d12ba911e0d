package org.isu.clearance.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.RequestMail;
import org.isu.clearance.request.EngineTables.VariableUpdate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything about one request, read from the read model and the engine's history tables
 * in a handful of queries: who completed which task when and what they recorded, which
 * activities ran (for the diagram), and the mails written for it.
 */
@Service
class RequestDetails {

	/** The outcome fields each user task records (docs/process-contract.md). */
	static final Map<String, List<String>> OUTCOMES = Map.ofEntries(
			Map.entry(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS,
					List.of(ExtensionRequestProcess.REQUEST_COMPLETE, ExtensionRequestProcess.COMPLETENESS_NOTES)),
			Map.entry(ExtensionRequestProcess.TASK_RECORD_SUPPLEMENT,
					List.of(ExtensionRequestProcess.SUPPLEMENT_SUMMARY)),
			Map.entry(ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW,
					List.of(ExtensionRequestProcess.PRELIMINARY_FINDINGS, ExtensionRequestProcess.QUESTIONS_FOR_STATE,
							ExtensionRequestProcess.QUESTIONS)),
			Map.entry(ExtensionRequestProcess.TASK_RECORD_STATE_RESPONSE,
					List.of(ExtensionRequestProcess.RESPONSE_SUMMARY, ExtensionRequestProcess.REVISED_REQUEST_RECEIVED,
							ExtensionRequestProcess.REVISED_RECEIVED_ON,
							ExtensionRequestProcess.REVISED_REQUESTED_DEADLINE,
							ExtensionRequestProcess.REVISED_SUMMARY)),
			Map.entry(ExtensionRequestProcess.TASK_REVIEW_STATE_ANSWERS,
					List.of(ExtensionRequestProcess.ANSWERS_ASSESSMENT, ExtensionRequestProcess.FURTHER_QUESTIONS,
							ExtensionRequestProcess.NEXT_QUESTIONS)),
			Map.entry(ExtensionRequestProcess.TASK_INTERSESSIONAL_PRESENTATION,
					List.of(ExtensionRequestProcess.INTERSESSIONAL_PRESENTED_ON,
							ExtensionRequestProcess.INTERSESSIONAL_PRESENTATION,
							ExtensionRequestProcess.COMMITTEE_OBSERVATIONS)),
			Map.entry(ExtensionRequestProcess.TASK_FINAL_REVIEW,
					List.of(ExtensionRequestProcess.ANALYSIS, ExtensionRequestProcess.DRAFT_DECISION,
							ExtensionRequestProcess.RECOMMENDATION, ExtensionRequestProcess.RECOMMENDED_DEADLINE)),
			Map.entry(ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS,
					List.of(ExtensionRequestProcess.ENDORSED, ExtensionRequestProcess.ENDORSEMENT_COMMENTS)),
			Map.entry(ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION,
					List.of(ExtensionRequestProcess.DOCUMENT_SYMBOL, ExtensionRequestProcess.TRANSLATION_CONFIRMED)),
			Map.entry(ExtensionRequestProcess.TASK_PREPARE_PRESENTATION,
					List.of(ExtensionRequestProcess.PRESENTATION_NOTES)),
			Map.entry(ExtensionRequestProcess.TASK_RECORD_DECISION,
					List.of(ExtensionRequestProcess.DECISION, ExtensionRequestProcess.NEW_DEADLINE,
							ExtensionRequestProcess.DECISION_DOCUMENT, ExtensionRequestProcess.DECISION_NOTES)));

	/** Request facts shown on its page, beyond the read model's columns. */
	private static final List<String> FACTS = List.of(ExtensionRequestProcess.SUMMARY,
			ExtensionRequestProcess.RAPPORTEUR, ExtensionRequestProcess.MEETING_LAST_DAY,
			ExtensionRequestProcess.LATEST_ALLOWED_DEADLINE, ExtensionRequestProcess.FOCAL_POINT_EMAIL,
			ExtensionRequestProcess.WITHDRAWAL_REASON);

	private final RequestReadModel readModel;

	private final EngineTables engine;

	private final Outbox outbox;

	RequestDetails(RequestReadModel readModel, EngineTables engine, Outbox outbox) {
		this.readModel = readModel;
		this.engine = engine;
		this.outbox = outbox;
	}

	@Transactional(readOnly = true)
	Optional<Details> details(String businessKey) {
		return this.readModel.find(businessKey).map(this::details);
	}

	private Details details(RequestSummary request) {
		String id = request.processInstanceId();
		String definitionId = this.engine.definitionId(id).orElse(null);
		List<VariableUpdate> records = this.engine.variableUpdates(id);
		List<HistoryEntry> history = this.engine.tasks(id).stream().map((task) -> {
			boolean open = task.ended() == null;
			return new HistoryEntry(task.id(), task.definitionKey(), task.name(), task.assignee(), task.started(),
					task.ended(), task.due(), open ? "open" : task.deleteReason(),
					open ? List.of() : outcome(task.definitionKey(), task.activityInstanceId(), task.started(),
							task.ended(), records));
		}).toList();
		Map<String, String> facts = this.engine.texts(id, FACTS);
		List<String> completed = new ArrayList<>();
		List<String> active = new ArrayList<>();
		this.engine.activities(id, completed::add, active::add);
		List<RequestMail> mails = this.outbox.mailsOf(request.businessKey());
		return new Details(request, definitionId, facts, history, completed, active, mails);
	}

	/**
	 * What a completed task recorded: its outcome fields, as last written while it was
	 * open (in its own activity instance when the engine says so).
	 */
	private static List<RecordedValue> outcome(String taskKey, String activityInstanceId, Instant started,
			Instant ended, List<VariableUpdate> records) {
		List<String> fields = OUTCOMES.getOrDefault(taskKey, List.of());
		Map<String, RecordedValue> values = new LinkedHashMap<>();
		fields.forEach((field) -> values.put(field, null));
		for (VariableUpdate record : records) {
			if (!fields.contains(record.name()) || record.time() == null) {
				continue;
			}
			boolean sameInstance = activityInstanceId != null && activityInstanceId.equals(record.activityInstanceId());
			boolean inWindow = !record.time().isBefore(started) && !record.time().isAfter(ended);
			if (sameInstance || inWindow) {
				values.put(record.name(), new RecordedValue(record.name(), record.value()));
			}
		}
		return values.values().stream().filter((value) -> value != null && value.value() != null).toList();
	}

	static LocalDate date(String text) {
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * One request in full.
	 *
	 * @param processDefinitionId the version of the model the request runs on (for the
	 * diagram)
	 * @param facts the summary, rapporteur and other start facts
	 * @param history every task, completed or open, oldest first, with what it recorded
	 * @param completedActivities ids of the model's elements the request has passed
	 * @param activeActivities ids of the elements it stands in
	 * @param mails the mails written for it (the outbox)
	 */
	record Details(RequestSummary request, String processDefinitionId, Map<String, String> facts,
			List<HistoryEntry> history, List<String> completedActivities, List<String> activeActivities,
			List<RequestMail> mails) {

	}

	/**
	 * A task of the request.
	 *
	 * @param outcome {@code completed}, {@code deleted} or {@code open}
	 * @param recorded the outcome fields it recorded
	 */
	record HistoryEntry(String taskId, String activityId, String name, String assignee, Instant started,
			Instant completed, Instant due, String outcome, List<RecordedValue> recorded) {

	}

	record RecordedValue(String name, Object value) {

	}

}
