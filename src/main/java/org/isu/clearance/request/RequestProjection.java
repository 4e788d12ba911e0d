package org.isu.clearance.request;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.IntSupplier;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code dashboard_request} (one row per extension request) up to date from the
 * engine's history events, published by Camunda's Spring eventing bridge synchronously
 * inside the engine's transaction: the row commits or rolls back with the engine's own
 * history.
 */
@Component
class RequestProjection {

	/** Process variables copied into the read model, with their column. */
	static final Map<String, Column> COLUMNS = Map.ofEntries(
			Map.entry(ExtensionRequestProcess.CONVENTION, new Column("convention", Kind.TEXT)),
			Map.entry(ExtensionRequestProcess.STATE_CODE, new Column("state_code", Kind.TEXT)),
			Map.entry(ExtensionRequestProcess.STATE_NAME, new Column("state_name", Kind.TEXT)),
			Map.entry(ExtensionRequestProcess.MEETING_CODE, new Column("meeting_code", Kind.TEXT)),
			Map.entry(ExtensionRequestProcess.MEETING_FIRST_DAY, new Column("meeting_first_day", Kind.DATE)),
			Map.entry(ExtensionRequestProcess.SUBMISSION_DUE, new Column("submission_due", Kind.DATE)),
			Map.entry(ExtensionRequestProcess.SUBMITTED_ON, new Column("submitted_on", Kind.DATE)),
			Map.entry(ExtensionRequestProcess.CURRENT_DEADLINE, new Column("current_deadline", Kind.DATE)),
			Map.entry(ExtensionRequestProcess.REQUESTED_DEADLINE, new Column("requested_deadline", Kind.DATE)),
			Map.entry(ExtensionRequestProcess.LATE_SUBMISSION, new Column("late_submission", Kind.BOOLEAN)),
			Map.entry(ExtensionRequestProcess.DECISION, new Column("decision", Kind.TEXT)));

	private final JdbcClient jdbc;

	private final RequestChanges changes;

	RequestProjection(JdbcClient jdbc, RequestChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	@EventListener
	void on(HistoryEvent event) {
		if (!ExtensionRequestProcess.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
			return;
		}
		// a stage, task, due date or variable of a request: what the list counts may
		// change
		this.changes.changing();
		if (event instanceof HistoricProcessInstanceEventEntity instance) {
			onInstance(instance);
		}
		else if (event instanceof HistoricActivityInstanceEventEntity activity
				&& !"closed".equals(status(activity.getActivityId()))) {
			// an end event that says how the request ended (a withdrawal ends in the
			// event
			// subprocess, which the process instance's own end does not name)
			String id = activity.getProcessInstanceId();
			String status = status(activity.getActivityId());
			updateRow(id, null,
					() -> this.jdbc.sql("update dashboard_request set status = ? where process_instance_id = ?")
						.params(status, id)
						.update());
		}
		else if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() == null
				&& variable.getProcessInstanceId() != null
				&& variable.getProcessInstanceId().equals(variable.getExecutionId())
				&& COLUMNS.containsKey(variable.getVariableName())) {
			onVariable(variable);
		}
	}

	private void onInstance(HistoricProcessInstanceEventEntity instance) {
		String id = instance.getProcessInstanceId();
		Date started = instance.getStartTime();
		boolean end = instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END);
		if (instance.getBusinessKey() == null && !end) {
			ensureRow(id, started);
		}
		if (instance.getBusinessKey() != null) {
			updateRow(id, started,
					() -> this.jdbc.sql("update dashboard_request set business_key = ? where process_instance_id = ?")
						.params(instance.getBusinessKey(), id)
						.update());
		}
		if (end) {
			Date ended = (instance.getEndTime() != null) ? instance.getEndTime() : ClockUtil.getCurrentTime();
			updateRow(id, started, () -> this.jdbc.sql("""
					update dashboard_request set status = case when status = 'open' then :status else status end,
					  ended_at = :ended where process_instance_id = :id
					""")
				.param("status", status(instance.getEndActivityId()))
				.param("ended", new Timestamp(ended.getTime()))
				.param("id", id)
				.update());
		}
	}

	private void onVariable(HistoricVariableUpdateEventEntity variable) {
		String id = variable.getProcessInstanceId();
		Column column = COLUMNS.get(variable.getVariableName());
		boolean deleted = variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
		Object value = deleted ? null : column.kind().value(variable.getTextValue(), variable.getLongValue());
		if (column.kind() == Kind.BOOLEAN) {
			value = Boolean.TRUE.equals(value);
		}
		Object columnValue = value;
		// the column name comes from the fixed map above, never from input
		updateRow(id, null,
				() -> this.jdbc
					.sql("update dashboard_request set " + column.name() + " = :value where process_instance_id = :id")
					.param("value", columnValue, column.kind().sqlType())
					.param("id", id)
					.update());
	}

	/**
	 * Runs an update of a request's row; when the row is not there yet (an event before
	 * the instance's own, or a request the read model has not seen), adds it and runs the
	 * update again. The row exists for every event but the first of a request: one
	 * statement each.
	 */
	private void updateRow(String processInstanceId, Date startTime, IntSupplier update) {
		if (update.getAsInt() == 0) {
			ensureRow(processInstanceId, startTime);
			update.getAsInt();
		}
	}

	private void ensureRow(String processInstanceId, Date startTime) {
		Date started = (startTime != null) ? startTime : ClockUtil.getCurrentTime();
		this.jdbc.sql("""
				insert into dashboard_request (process_instance_id, status, late_submission, started_at)
				select :id, 'open', false, :started
				where not exists (select 1 from dashboard_request where process_instance_id = :id)
				""").param("id", processInstanceId).param("started", new Timestamp(started.getTime())).update();
	}

	/**
	 * The status of a request from the end event it reached.
	 */
	static String status(String endActivityId) {
		if (ExtensionRequestProcess.END_GRANTED.equals(endActivityId)) {
			return "granted";
		}
		if (ExtensionRequestProcess.END_REFUSED.equals(endActivityId)) {
			return "refused";
		}
		if (ExtensionRequestProcess.END_WITHDRAWN.equals(endActivityId)) {
			return "withdrawn";
		}
		return "closed";
	}

	record Column(String name, Kind kind) {

	}

	enum Kind {

		TEXT(Types.VARCHAR), DATE(Types.DATE), BOOLEAN(Types.BOOLEAN);

		private final int sqlType;

		Kind(int sqlType) {
			this.sqlType = sqlType;
		}

		int sqlType() {
			return this.sqlType;
		}

		Object value(String text, Long number) {
			return switch (this) {
				case TEXT -> text;
				case BOOLEAN -> number != null && number != 0;
				case DATE -> date(text);
			};
		}

		private static LocalDate date(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

}
