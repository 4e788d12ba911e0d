package org.isu.clearance.request;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;

import javax.sql.DataSource;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.document.Documents;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.EngineTables.HistoricTask;
import org.isu.clearance.request.EngineTables.OpenTask;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every query and SQL fragment of {@link EngineTables} on a request taken through
 * its first steps, on whichever database the application runs: {@link EngineTablesTests}
 * on H2, the PostgreSQL integration test on PostgreSQL. The queries name the engine's
 * columns, so a schema the engine changes fails here first.
 */
public final class EngineTablesCheck {

	private EngineTablesCheck() {
	}

	public static void queriesAnswerOnThisDatabase(ApplicationContext context, String stateCode) {
		ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse("2026-11-23T10:00")
			.atZone(java.time.ZoneId.systemDefault())
			.toInstant()));
		try {
			check(context, stateCode);
		}
		finally {
			ClockUtil.reset();
		}
	}

	private static void check(ApplicationContext context, String stateCode) {
		indexes(context);
		ManagementService management = context.getBean(ManagementService.class);
		TaskService tasks = context.getBean(TaskService.class);
		RequestFixtures.state(context.getBean(Registry.class), stateCode, "2027-10-01");
		String key = RequestFixtures.startRequest(context.getBean(ExtensionRequests.class), management, stateCode,
				"2029-10-01", "2026-11-02");
		String id = context.getBean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(key)
			.singleResult()
			.getId();
		DocumentFixtures.attach(context.getBean(Documents.class), key, "request", "en");
		RequestFixtures.complete(tasks, management, id, ExtensionRequestProcess.TASK_CHECK_COMPLETENESS, "isu-officer",
				ExtensionRequestProcess.REQUEST_COMPLETE, true, ExtensionRequestProcess.COMPLETENESS_NOTES,
				"Items (a) to (i) present.");
		EngineTables engine = context.getBean(EngineTables.class);

		assertThat(engine.definitionId(id)).hasValueSatisfying(
				(definition) -> assertThat(definition).startsWith(ExtensionRequestProcess.PROCESS_KEY + ":"));
		assertThat(engine.variableUpdates(id)).anySatisfy((update) -> {
			assertThat(update.name()).isEqualTo(ExtensionRequestProcess.REQUEST_COMPLETE);
			assertThat(update.value()).isEqualTo(true);
			assertThat(update.time()).isNotNull();
		});
		List<HistoricTask> history = engine.tasks(id);
		assertThat(history).extracting(HistoricTask::definitionKey)
			.startsWith(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS);
		assertThat(history.get(0).ended()).isNotNull();
		assertThat(history.get(0).deleteReason()).isEqualTo("completed");
		assertThat(history.get(history.size() - 1).ended()).isNull();
		assertThat(engine.texts(id, List.of(ExtensionRequestProcess.SUMMARY, ExtensionRequestProcess.RAPPORTEUR)))
			.containsKey(ExtensionRequestProcess.SUMMARY);
		List<String> completed = new ArrayList<>();
		List<String> active = new ArrayList<>();
		engine.activities(id, completed::add, active::add);
		assertThat(completed).contains(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS);
		assertThat(active).isNotEmpty();
		assertThat(engine.instancesStarted(ExtensionRequestProcess.PROCESS_KEY)).isPositive();
		assertThat(engine.instancesWithoutRow(ExtensionRequestProcess.PROCESS_KEY, 10))
			.noneMatch((instance) -> instance.id().equals(id));
		assertThat(engine.startVariables(id, List.of(ExtensionRequestProcess.STATE_CODE)))
			.anySatisfy((row) -> assertThat(row[1]).isEqualTo(stateCode));
		assertThat(engine.lastReached(id, List.of(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS)))
			.contains(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS);
		assertThat(engine.lastReached(id, List.of(ExtensionRequestProcess.END_GRANTED))).isEmpty();
		startupQueries(engine, id, key);
		readModelQueries(context.getBean(JdbcClient.class), engine, id);
	}

	/**
	 * What the start-up upgrades look for: running requests without a variable, and
	 * object variables by the type name the engine keeps beside the serialized value (a
	 * new request's {@code languages} is a plain list).
	 */
	private static void startupQueries(EngineTables engine, String id, String key) {
		assertThat(engine.runningInstancesWithoutVariable(ExtensionRequestProcess.PROCESS_KEY,
				ExtensionRequestProcess.REVIEW_BODY))
			.doesNotContainKey(id);
		assertThat(engine.runningInstancesWithoutVariable(ExtensionRequestProcess.PROCESS_KEY, "noSuchVariable"))
			.containsEntry(id, key);
		assertThat(engine.runningInstancesWithoutVariable("no-such-process", "noSuchVariable")).isEmpty();
		assertThat(engine.executionsWithObjectVariable(ExtensionRequestProcess.LANGUAGES, "java.util.ArrayList"))
			.contains(id);
		assertThat(engine.executionsWithObjectVariable(ExtensionRequestProcess.LANGUAGES, "ImmutableCollections"))
			.doesNotContain(id);
	}

	/**
	 * The indexes of ours on the engine's tables exist after start-up, and creating them
	 * again changes nothing.
	 */
	private static void indexes(ApplicationContext context) {
		context.getBean(EngineTables.class).ensureIndexes();
		Map<String, String> expected = Map.of("ACT_RU_EXECUTION", "IX_CLEARANCE_EXECUTION_ACTIVITY", "ACT_RU_TASK",
				"IX_CLEARANCE_TASK_DUE");
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			expected.forEach((table, index) -> {
				List<String> names = new ArrayList<>();
				for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
					try (ResultSet rs = metadata.getIndexInfo(null, null, name, false, true)) {
						while (rs.next()) {
							if (rs.getString("INDEX_NAME") != null) {
								names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
							}
						}
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
				assertThat(names).as(table).contains(index);
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the request list reads of the engine: the request's open task and its stage,
	 * the open requests per stage, and the conditions and sort expression the list's own
	 * queries embed, each run on the request's read-model row.
	 */
	private static void readModelQueries(JdbcClient jdbc, EngineTables engine, String id) {
		List<OpenTask> open = engine.openTasks(List.of(id));
		assertThat(open).isNotEmpty().allSatisfy((task) -> {
			assertThat(task.processInstanceId()).isEqualTo(id);
			assertThat(task.id()).isNotNull();
			assertThat(task.due()).isNotNull();
		});
		OpenTask first = open.get(0);
		assertThat(first.definitionKey()).isNotEqualTo(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS);
		assertThat(open).anySatisfy((task) -> assertThat(task.candidateGroup()).isNotNull());
		Map<String, String> stages = new LinkedHashMap<>();
		engine.currentActivities(List.of(id), Stages.ids(), stages::put);
		assertThat(stages).containsEntry(id, first.definitionKey());
		String stage = first.definitionKey();
		String otherStage = ExtensionRequestProcess.TASK_CHECK_COMPLETENESS;

		assertThat(engine.openRequestsPerStage("", Map.of(), Stages.ids())).containsKey(stage);
		assertThat(engine.runningInstancesPerActivity(ExtensionRequestProcess.PROCESS_KEY, Stages.ids()))
			.isEqualTo(engine.openRequestsPerStage("", Map.of(), Stages.ids()))
			.containsKey(stage);
		assertThat(engine.runningInstancesPerActivity("no-such-process", Stages.ids())).isEmpty();
		assertThat(engine.openRequestsPerStage(" where r.process_instance_id = :id", Map.of("id", id), Stages.ids()))
			.containsExactly(Map.entry(stage, 1L));

		assertThat(matches(jdbc, id, EngineTables.IN_STAGE, Map.of("stage", stage))).isTrue();
		assertThat(matches(jdbc, id, EngineTables.IN_STAGE, Map.of("stage", otherStage))).isFalse();
		Timestamp before = Timestamp.from(first.due().minusSeconds(60));
		Timestamp after = Timestamp.from(first.due().plusSeconds(60));
		assertThat(matches(jdbc, id, EngineTables.OVERDUE, Map.of("now", before))).isFalse();
		assertThat(matches(jdbc, id, EngineTables.OVERDUE, Map.of("now", after))).isTrue();
		Timestamp firstDue = jdbc
			.sql("select " + EngineTables.FIRST_TASK_DUE + " from dashboard_request r where r.process_instance_id = ?")
			.param(id)
			.query(Timestamp.class)
			.single();
		assertThat(firstDue.toInstant()).isEqualTo(first.due());
	}

	private static boolean matches(JdbcClient jdbc, String id, String condition, Map<String, Object> params) {
		return jdbc.sql("select count(*) from dashboard_request r where r.process_instance_id = :id and " + condition)
			.param("id", id)
			.params(params)
			.query(Long.class)
			.single() == 1;
	}

}
