package org.isu.clearance.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.document.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class DemoRequestsTests {

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private DemoDocuments demoDocuments;

	@Autowired
	private Documents documents;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private Registry registry;

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@AfterEach
	void tearDown() {
		DemoHistoryFixtures.forget(this.runtime, this.history, this.jdbc);
		for (String key : List.of("CCM-TCD-14MSP", "CCM-IRQ-14MSP", "CCM-CHL-14MSP", "APMBC-TJK-23MSP",
				"APMBC-SEN-23MSP")) {
			this.runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(key)
				.list()
				.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
			this.history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(key)
				.list()
				.forEach((instance) -> this.history.deleteHistoricProcessInstance(instance.getId()));
		}
	}

	@Test
	void sampleRequestsStandAtDifferentStagesAndAreStartedOnce() {
		DemoRequests demo = new DemoRequests(this.requests, this.tasks, this.management, this.history,
				this.demoDocuments, DemoHistoryFixtures.replay(this.requests, this.tasks, this.management, this.history,
						this.engine, this.registry, this.demoDocuments, this.outbox, this.jdbc, this.transactions));

		demo.run();
		demo.run();

		Map<String, List<String>> stages = this.tasks.createTaskQuery()
			.processDefinitionKey("extension-request")
			.list()
			.stream()
			.collect(Collectors.groupingBy((task) -> businessKey(task),
					Collectors.mapping(Task::getTaskDefinitionKey, Collectors.toList())));
		assertThat(stages.get("CCM-TCD-14MSP")).containsExactly("Task_CheckCompleteness");
		assertThat(stages.get("CCM-IRQ-14MSP")).containsExactly("Task_PreliminaryReview");
		assertThat(stages.get("CCM-CHL-14MSP")).containsExactly("Task_RecordStateResponse");
		assertThat(stages.get("APMBC-TJK-23MSP")).hasSize(4).containsOnly("Task_ConfirmTranslation");
		assertThat(stages.get("APMBC-SEN-23MSP")).containsExactly("Task_PrepareMeetingPresentation");
		// Somalia's 13MSP cycle came first, finished
		assertThat(stages).doesNotContainKey("CCM-SOM-13MSP");
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("CCM-SOM-13MSP")
			.finished()
			.count()).isEqualTo(1);
		// what those steps needed is in the records, once
		assertThat(this.documents.list("CCM-IRQ-14MSP")).singleElement()
			.satisfies((document) -> assertThat(document.kind()).isEqualTo("request"));
		assertThat(this.documents.list("APMBC-SEN-23MSP")).extracting((document) -> document.kind())
			.containsOnly("request", "analysis-official")
			.hasSize(7);
		assertThat(this.documents.list("APMBC-TJK-23MSP")).hasSize(3);
		assertThat(
				this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("APMBC-SEN-23MSP").count())
			.isEqualTo(1);
		assertThat(this.runtime.createVariableInstanceQuery().variableName("lateSubmission").list())
			.filteredOn((variable) -> Boolean.TRUE.equals(variable.getValue()))
			.hasSizeGreaterThanOrEqualTo(2);
	}

	private String businessKey(Task task) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

}
