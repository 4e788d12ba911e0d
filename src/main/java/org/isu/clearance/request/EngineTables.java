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
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's tables read directly, where the engine's API cannot serve: a request's
 * whole history in a few queries instead of one per task, the history a start-up backfill
 * reads, and what the request list ({@link RequestReadModel}) reads of the running
 * requests beside its own table: the open tasks and current stages of a page's rows, the
 * open requests per stage, and the conditions and sort expression its queries put in
 * their {@code WHERE} and {@code ORDER BY} ({@link #IN_STAGE}, {@link #OVERDUE},
 * {@link #FIRST_TASK_DUE}). The only class of the application that names {@code ACT_*}
 * tables ({@code ModularityTests} checks the sources); {@code EngineTablesTests} runs
 * every query and fragment on H2, the PostgreSQL integration test on PostgreSQL, against
 * a real request.
 */
@Component
class EngineTables {

	/**
	 * Condition on a read-model row {@code r}: the request stands in the stage
	 * {@code :stage} (an execution of it is at that activity).
	 */
	static final String IN_STAGE = """
			exists (select 1 from ACT_RU_EXECUTION e2 where e2.PROC_INST_ID_ = r.process_instance_id and e2.ACT_ID_ = :stage)""";

	/**
	 * Condition on a read-model row {@code r}: the request has an open task due before
	 * {@code :now}.
	 */
	static final String OVERDUE = """
			exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = r.process_instance_id and t.DUE_DATE_ < :now)""";

	/**
	 * Expression on a read-model row {@code r}: the earliest due date of the request's
	 * open tasks, null without one (the list's sort {@code taskDue}).
	 */
	static final String FIRST_TASK_DUE = """
			(select min(t.DUE_DATE_) from ACT_RU_TASK t where t.PROC_INST_ID_ = r.process_instance_id)""";

	/**
	 * Indexes of ours on the engine's runtime tables, which index neither an execution's
	 * activity nor a task's due date: the list's stage filter ({@link #IN_STAGE}) and its
	 * overdue filter ({@link #OVERDUE}) then read the few requests that match instead of
	 * probing every open one. Created once, at start-up ({@link #ensureIndexes()}).
	 */
	static final List<String> INDEXES = List.of(
			"create index if not exists ix_clearance_execution_activity on ACT_RU_EXECUTION (ACT_ID_, PROC_INST_ID_)",
			"create index if not exists ix_clearance_task_due on ACT_RU_TASK (DUE_DATE_, PROC_INST_ID_)");

	private static final Logger log = LoggerFactory.getLogger(EngineTables.class);

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

	/**
	 * How many open requests stand in each of these stages, among the read-model rows
	 * {@code r} that {@code readModelWhere} selects (empty, or {@code " where …"} with
	 * its parameters).
	 */
	Map<String, Long> openRequestsPerStage(String readModelWhere, Map<String, Object> params, List<String> stages) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.ACT_ID_, count(distinct e.PROC_INST_ID_)
				from ACT_RU_EXECUTION e join dashboard_request r on r.process_instance_id = e.PROC_INST_ID_
				""" + readModelWhere + (readModelWhere.isEmpty() ? " where" : " and") + """
				 e.ACT_ID_ in (:stages) and r.status = 'open' group by e.ACT_ID_
				""").params(params).param("stages", stages).query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * How many running instances of the process stand in each of these activities (an
	 * execution at it): the open requests per stage when no other condition applies,
	 * without joining the read model.
	 */
	Map<String, Long> runningInstancesPerActivity(String processKey, List<String> activityIds) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.ACT_ID_, count(*) from (
				  select distinct e.ACT_ID_, e.PROC_INST_ID_ from ACT_RU_EXECUTION e
				  join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
				  where d.KEY_ = :key and e.ACT_ID_ in (:activities)) s
				group by s.ACT_ID_
				""").param("key", processKey).param("activities", activityIds).query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * The open tasks of these instances, earliest due first, each with its first
	 * candidate group.
	 */
	List<OpenTask> openTasks(List<String> processInstanceIds) {
		return this.jdbc
			.sql("""
					select t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.ID_, t.ASSIGNEE_, t.DUE_DATE_,
					  (select min(l.GROUP_ID_) from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate')
					from ACT_RU_TASK t where t.PROC_INST_ID_ in (:ids)
					order by t.DUE_DATE_, t.ID_
					""")
			.param("ids", processInstanceIds)
			.query((rs, row) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5)), rs.getString(6)))
			.list();
	}

	/**
	 * Which of these activities the given instances stand in (an execution at the
	 * activity), each pair once: instance id and activity id.
	 */
	void currentActivities(List<String> processInstanceIds, List<String> activityIds,
			BiConsumer<String, String> instanceAndActivity) {
		this.jdbc.sql("""
				select distinct e.PROC_INST_ID_, e.ACT_ID_ from ACT_RU_EXECUTION e
				where e.PROC_INST_ID_ in (:ids) and e.ACT_ID_ in (:activities)
				""").param("ids", processInstanceIds).param("activities", activityIds).query((rs) -> {
			instanceAndActivity.accept(rs.getString(1), rs.getString(2));
		});
	}

	/**
	 * The executions holding a variable of this name whose serialized value names a type
	 * containing {@code typeNamePart} (the engine keeps an object value's type name in
	 * {@code TEXT2_}): what a start-up upgrade rewrites, found without reading every such
	 * variable's value.
	 */
	List<String> executionsWithObjectVariable(String name, String typeNamePart) {
		return this.jdbc.sql("select EXECUTION_ID_ from ACT_RU_VARIABLE where NAME_ = ? and TEXT2_ like ?")
			.param(name)
			.param("%" + typeNamePart + "%")
			.query(String.class)
			.list();
	}

	/**
	 * Running instances of the process that hold no variable of this name (in any of
	 * their executions), with their business keys: one query instead of one per instance.
	 */
	Map<String, String> runningInstancesWithoutVariable(String processKey, String variableName) {
		Map<String, String> instances = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.ID_, e.BUSINESS_KEY_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
				where d.KEY_ = :key and e.ID_ = e.PROC_INST_ID_
				  and not exists (select 1 from ACT_RU_VARIABLE v where v.PROC_INST_ID_ = e.ID_ and v.NAME_ = :name)
				order by e.ID_
				""").param("key", processKey).param("name", variableName).query((rs) -> {
			instances.put(rs.getString(1), rs.getString(2));
		});
		return instances;
	}

	/**
	 * Creates the {@link #INDEXES} the engine's tables lack, if they do. An index that
	 * cannot be created (another node creating it at the same moment) is logged and left
	 * for the next start: the queries answer the same without it, only slower.
	 */
	void ensureIndexes() {
		for (String index : INDEXES) {
			try {
				this.jdbc.sql(index).update();
			}
			catch (DataAccessException ex) {
				log.warn("Index not created ({}): {}", index, ex.getMostSpecificCause().getMessage());
			}
		}
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
	 * One open task of a running instance.
	 *
	 * @param candidateGroup the first of its candidate groups, if any
	 */
	record OpenTask(String processInstanceId, String definitionKey, String id, String assignee, Instant due,
			String candidateGroup) {

	}

	/**
	 * One instance in the history.
	 */
	record HistoricInstance(String id, String businessKey, Timestamp started, Timestamp ended, String endActivityId) {

	}

}
