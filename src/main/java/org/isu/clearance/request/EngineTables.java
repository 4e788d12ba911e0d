package org.isu.clearance.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's tables read directly, where the engine's API cannot serve: a request's
 * whole history in a few queries instead of one per task, and the history a start-up
 * backfill reads. The only class of the request module that names {@code ACT_*} tables
 * outside the read model's queries ({@link RequestReadModel}, which joins them with its
 * own table); {@code EngineTablesTests} runs every query on H2 and PostgreSQL.
 */
@Component
class EngineTables {

	private final JdbcClient jdbc;

	EngineTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The version of the model a process instance runs or ran on.
	 */
	Optional<String> definitionId(String processInstanceId) {
		return this.jdbc.sql("select PROC_DEF_ID_ from ACT_HI_PROCINST where PROC_INST_ID_ = ?")
			.param(processInstanceId)
			.query(String.class)
			.optional();
	}

	/**
	 * Every variable update of the instance, oldest first (the full history level keeps
	 * them).
	 */
	List<VariableUpdate> variableUpdates(String processInstanceId) {
		return this.jdbc.sql("""
				select NAME_, VAR_TYPE_, TEXT_, LONG_, DOUBLE_, TIME_, ACT_INST_ID_ from ACT_HI_DETAIL
				where PROC_INST_ID_ = ? and TYPE_ = 'VariableUpdate' order by TIME_, SEQUENCE_COUNTER_
				""").param(processInstanceId).query(EngineTables::variableUpdate).list();
	}

	/**
	 * Every task of the instance, completed, deleted or open, oldest first.
	 */
	List<HistoricTask> tasks(String processInstanceId) {
		return this.jdbc
			.sql("""
					select ID_, TASK_DEF_KEY_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DUE_DATE_, DELETE_REASON_, ACT_INST_ID_
					from ACT_HI_TASKINST where PROC_INST_ID_ = ? order by START_TIME_, ID_
					""")
			.param(processInstanceId)
			.query((rs, row) -> new HistoricTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	/**
	 * The instance's process-level variables of these names that have a text value, as
	 * last written.
	 */
	Map<String, String> texts(String processInstanceId, List<String> names) {
		Map<String, String> texts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select NAME_, TEXT_ from ACT_HI_VARINST
				where PROC_INST_ID_ = :id and EXECUTION_ID_ = :id and NAME_ in (:names) and TEXT_ is not null
				""").param("id", processInstanceId).param("names", names).query((rs) -> {
			texts.put(rs.getString(1), rs.getString(2));
		});
		return texts;
	}

	/**
	 * The ids of the model's elements the instance has passed ({@code completed}) and
	 * stands in ({@code active}).
	 */
	void activities(String processInstanceId, Consumer<String> completed, Consumer<String> active) {
		this.jdbc
			.sql("select distinct ACT_ID_, case when END_TIME_ is null then 1 else 0 end from ACT_HI_ACTINST"
					+ " where PROC_INST_ID_ = ?")
			.param(processInstanceId)
			.query((rs) -> {
				(rs.getInt(2) == 1 ? active : completed).accept(rs.getString(1));
			});
	}

	/**
	 * How many instances of the process the history holds.
	 */
	long instancesStarted(String processKey) {
		return this.jdbc.sql("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?")
			.param(processKey)
			.query(Long.class)
			.single();
	}

	/**
	 * Instances of the process without a row in the read model, oldest first.
	 */
	List<HistoricInstance> instancesWithoutRow(String processKey, int limit) {
		return this.jdbc.sql("""
				select p.PROC_INST_ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.END_ACT_ID_
				from ACT_HI_PROCINST p
				where p.PROC_DEF_KEY_ = :key
				  and not exists (select 1 from dashboard_request r where r.process_instance_id = p.PROC_INST_ID_)
				order by p.START_TIME_
				fetch first %d rows only
				""".formatted(limit))
			.param("key", processKey)
			.query((rs, row) -> new HistoricInstance(rs.getString(1), rs.getString(2), rs.getTimestamp(3),
					rs.getTimestamp(4), rs.getString(5)))
			.list();
	}

	/**
	 * The instance's process-level variables of these names, as last written: name, text
	 * and number columns.
	 */
	List<Object[]> startVariables(String processInstanceId, List<String> names) {
		List<Object[]> values = new ArrayList<>();
		this.jdbc.sql("""
				select NAME_, TEXT_, LONG_ from ACT_HI_VARINST
				where PROC_INST_ID_ = :id and EXECUTION_ID_ = :id and TASK_ID_ is null and NAME_ in (:names)
				""").param("id", processInstanceId).param("names", names).query((rs) -> {
			values.add(new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3) });
		});
		return values;
	}

	/**
	 * The last of these elements the instance reached, if any.
	 */
	Optional<String> lastReached(String processInstanceId, List<String> elementIds) {
		return this.jdbc.sql("""
				select ACT_ID_ from ACT_HI_ACTINST where PROC_INST_ID_ = :id and ACT_ID_ in (:ends)
				order by START_TIME_ desc
				""")
			.param("id", processInstanceId)
			.param("ends", elementIds)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	private static VariableUpdate variableUpdate(ResultSet rs, int row) throws SQLException {
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
		return new VariableUpdate(rs.getString(1), value, instant(rs.getTimestamp(6)), rs.getString(7));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One value a variable took, when, and in which activity instance.
	 */
	record VariableUpdate(String name, Object value, Instant time, String activityInstanceId) {

	}

	/**
	 * One task of an instance.
	 *
	 * @param deleteReason {@code completed}, {@code deleted}, … once ended
	 */
	record HistoricTask(String id, String definitionKey, String name, String assignee, Instant started, Instant ended,
			Instant due, String deleteReason, String activityInstanceId) {

	}

	/**
	 * One instance in the history.
	 */
	record HistoricInstance(String id, String businessKey, Timestamp started, Timestamp ended, String endActivityId) {

	}

}
