package org.isu.clearance.request;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.document.Documents;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.EngineTables.HistoricTask;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every query of {@link EngineTables} on a request taken through its first steps, on
 * whichever database the application runs: {@link EngineTablesTests} on H2, the
 * PostgreSQL integration test on PostgreSQL. The queries name the engine's columns, so a
 * schema the engine changes fails here first.
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
	}

}
