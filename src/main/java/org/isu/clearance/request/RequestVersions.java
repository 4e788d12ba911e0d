package org.isu.clearance.request;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.REQUESTED_DEADLINE;
import static org.isu.clearance.request.ExtensionRequestProcess.REVISED_RECEIVED_ON;
import static org.isu.clearance.request.ExtensionRequestProcess.REVISED_REQUEST_RECEIVED;
import static org.isu.clearance.request.ExtensionRequestProcess.REVISED_SUMMARY;
import static org.isu.clearance.request.ExtensionRequestProcess.SUBMITTED_ON;
import static org.isu.clearance.request.ExtensionRequestProcess.SUMMARY;

/**
 * The versions of a State's request ({@code request_version}): version 1 as received,
 * then one per revised request recorded with the State's answers ({@code complete}
 * listener of {@code Task_RecordStateResponse}, after the outcome's check). Each keeps
 * the requested deadline, a summary and the day it was received; nothing is overwritten.
 */
@Component("requestVersions")
public class RequestVersions implements TaskListener {

	private final JdbcClient jdbc;

	RequestVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The versions of the latest request under a business key, the first first.
	 */
	public List<RequestVersion> list(String businessKey) {
		return this.jdbc.sql("""
				select version, requested_deadline, summary, received_on, recorded_by, recorded_at
				from request_version where process_instance_id = (
				  select process_instance_id from request_version where business_key = :key
				  order by recorded_at desc, version desc fetch first 1 rows only)
				order by version
				""")
			.param("key", businessKey)
			.query((rs, row) -> new RequestVersion(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * Records the request as received: version 1 (once).
	 */
	void recordFirst(String processInstanceId, String businessKey, Map<String, Object> variables, String recordedBy) {
		if (count(processInstanceId) > 0) {
			return;
		}
		insert(processInstanceId, businessKey, 1,
				VariableDates.toLocalDate(REQUESTED_DEADLINE, variables.get(REQUESTED_DEADLINE)),
				text(variables.get(SUMMARY)), VariableDates.toLocalDate(SUBMITTED_ON, variables.get(SUBMITTED_ON)),
				recordedBy);
	}

	@Override
	public void notify(DelegateTask task) {
		Object revised = task.getVariable(REVISED_REQUEST_RECEIVED);
		if (!Boolean.TRUE.equals(revised)) {
			return;
		}
		String businessKey = task.getExecution().getProcessBusinessKey();
		String instance = task.getProcessInstanceId();
		List<RequestVersion> versions = list(businessKey);
		String summary = text(task.getVariable(REVISED_SUMMARY));
		if (summary == null && !versions.isEmpty()) {
			summary = versions.get(versions.size() - 1).summary();
		}
		// the outcome's check has moved the requested deadline when the revision changes
		// it
		insert(instance, businessKey, versions.size() + 1, date(task, REQUESTED_DEADLINE), summary,
				date(task, REVISED_RECEIVED_ON), task.getAssignee());
	}

	private int count(String processInstanceId) {
		return this.jdbc.sql("select count(*) from request_version where process_instance_id = ?")
			.param(processInstanceId)
			.query(Integer.class)
			.single();
	}

	private void insert(String processInstanceId, String businessKey, int version, LocalDate requested, String summary,
			LocalDate receivedOn, String recordedBy) {
		this.jdbc.sql("""
				insert into request_version (process_instance_id, business_key, version, requested_deadline, summary,
				  received_on, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(processInstanceId, businessKey, version, Date.valueOf(requested), summary, Date.valueOf(receivedOn),
					recordedBy, Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
			.update();
	}

	private static LocalDate date(VariableScope variables, String name) {
		return VariableDates.toLocalDate(name, variables.getVariable(name));
	}

	private static String text(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

	/**
	 * One version of a State's request.
	 */
	public record RequestVersion(int version, LocalDate requestedDeadline, String summary, LocalDate receivedOn,
			String recordedBy, java.time.Instant recordedAt) {

	}

}
