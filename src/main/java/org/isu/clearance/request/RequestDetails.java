package org.isu.clearance.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.RequestMail;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Outbox outbox;

	RequestDetails(RequestReadModel readModel, JdbcClient jdbc, Outbox outbox) {
		this.readModel = readModel;
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	@Transactional(readOnly = true)
	Optional<Details> details(String businessKey) {
		return this.readModel.find(businessKey).map(this::details);
	}

	private Details details(RequestSummary request) {
		String id = request.processInstanceId();
		String definitionId = this.jdbc.sql("select PROC_DEF_ID_ from ACT_HI_PROCINST where PROC_INST_ID_ = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		List<VariableRecord> records = this.jdbc.sql("""
				select NAME_, VAR_TYPE_, TEXT_, LONG_, DOUBLE_, TIME_, ACT_INST_ID_ from ACT_HI_DETAIL
				where PROC_INST_ID_ = ? and TYPE_ = 'VariableUpdate' order by TIME_, SEQUENCE_COUNTER_
				""").param(id).query(RequestDetails::variableRecord).list();
		List<HistoryEntry> history = this.jdbc
			.sql("""
					select ID_, TASK_DEF_KEY_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DUE_DATE_, DELETE_REASON_, ACT_INST_ID_
					from ACT_HI_TASKINST where PROC_INST_ID_ = ? order by START_TIME_, ID_
					""")
			.param(id)
			.query((rs, row) -> {
				String key = rs.getString(2);
				Instant started = instant(rs.getTimestamp(5));
				Instant ended = instant(rs.getTimestamp(6));
				String activityInstance = rs.getString(9);
				return new HistoryEntry(rs.getString(1), key, rs.getString(3), rs.getString(4), started, ended,
						instant(rs.getTimestamp(7)), (ended == null) ? "open" : rs.getString(8),
						(ended == null) ? List.of() : outcome(key, activityInstance, started, ended, records));
			})
			.list();
		Map<String, String> facts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select NAME_, TEXT_ from ACT_HI_VARINST
				where PROC_INST_ID_ = :id and EXECUTION_ID_ = :id and NAME_ in (:names) and TEXT_ is not null
				""").param("id", id).param("names", FACTS).query((rs) -> {
			facts.put(rs.getString(1), rs.getString(2));
		});
		List<String> completed = new ArrayList<>();
		List<String> active = new ArrayList<>();
		this.jdbc
			.sql("select distinct ACT_ID_, case when END_TIME_ is null then 1 else 0 end from ACT_HI_ACTINST"
					+ " where PROC_INST_ID_ = ?")
			.param(id)
			.query((rs) -> {
				(rs.getInt(2) == 1 ? active : completed).add(rs.getString(1));
			});
		List<RequestMail> mails = this.outbox.mailsOf(request.businessKey());
		return new Details(request, definitionId, facts, history, completed, active, mails);
	}

	/**
	 * What a completed task recorded: its outcome fields, as last written while it was
	 * open (in its own activity instance when the engine says so).
	 */
	private static List<RecordedValue> outcome(String taskKey, String activityInstanceId, Instant started,
			Instant ended, List<VariableRecord> records) {
		List<String> fields = OUTCOMES.getOrDefault(taskKey, List.of());
		Map<String, RecordedValue> values = new LinkedHashMap<>();
		fields.forEach((field) -> values.put(field, null));
		for (VariableRecord record : records) {
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

	private static VariableRecord variableRecord(ResultSet rs, int row) throws SQLException {
		String type = rs.getString(2);
		Object value = switch ((type != null) ? type : "null") {
			case "string" -> rs.getString(3);
			case "boolean" -> rs.getObject(4) != null && rs.getLong(4) != 0;
			case "integer", "long", "short" -> rs.getObject(4) != null ? rs.getLong(4) : null;
			case "double" -> rs.getObject(5) != null ? rs.getDouble(5) : null;
			case "date" -> rs.getObject(4) != null ? Instant.ofEpochMilli(rs.getLong(4)) : null;
			case "null" -> null;
			default -> "(" + type + ")";
		};
		return new VariableRecord(rs.getString(1), value, instant(rs.getTimestamp(6)), rs.getString(7));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static LocalDate date(String text) {
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private record VariableRecord(String name, Object value, Instant time, String activityInstanceId) {

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
