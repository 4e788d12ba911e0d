package org.isu.clearance.request;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.isu.clearance.outreach.OutreachFixtures.runAsyncSteps;
import static org.isu.clearance.request.ExtensionRequestProcess.*;
import static org.isu.clearance.request.RequestFixtures.*;

/**
 * The {@code extension-request} models of the main branch before issue 13 (commit
 * 1f6acf8) and before its rounds of questions and APMBC steps (commit 7d11c06), both in
 * src/test/resources/migration, deployed beside the current one: an instance waiting at
 * each of their user tasks moves to the current version with its task, in a migration
 * batch that startup creates and the job executors carry out, and then follows the
 * current model (the State's answers go to their review, the final review of a CCM
 * request to the endorsement, the decision not considered late to the refused end). Runs
 * on its own database: it deploys versions out of order.
 */
@ApplicationTest
@TestPropertySource(
		properties = { "clearance.test.database=migration", "camunda.bpm.generate-unique-process-engine-name=true" })
class RunningRequestMigrationTests {

	private static final List<String> USER_TASKS = List.of(TASK_CHECK_COMPLETENESS, TASK_RECORD_SUPPLEMENT,
			TASK_PRELIMINARY_REVIEW, TASK_RECORD_STATE_RESPONSE, TASK_FINAL_REVIEW, TASK_ENDORSE_ANALYSIS,
			TASK_CONFIRM_TRANSLATION + "#multiInstanceBody", TASK_PREPARE_PRESENTATION, TASK_RECORD_DECISION);

	@Autowired
	private org.camunda.bpm.engine.ProcessEngine engine;

	@Autowired
	private RepositoryService repository;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private Registry registry;

	@Autowired
	private RunningRequestMigration migration;

	@Autowired
	private JdbcClient jdbc;

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "1f6acf8", "7d11c06" })
	void instancesWaitingAtEveryUserTaskOfAPreviousVersionMoveToTheCurrentOne(String commit) throws IOException {
		BpmnAwareTests.init(this.engine);
		ProcessDefinition previous = deploy("migration/extension-request-" + commit + ".bpmn");
		String code = "1f6acf8".equals(commit) ? "EST" : "FRA";
		state(this.registry, code, "2028-11-01");
		String first = this.requests.start(start(code, "2031-11-01", "2026-11-20")).processInstanceId();
		runAsyncSteps(this.management, first);
		Map<String, Object> variables = new HashMap<>(this.runtime.getVariables(first));
		variables.put(RAPPORTEUR, "ag-member");
		this.runtime.deleteProcessInstance(first, "template only");

		Map<String, String> waiting = new HashMap<>();
		for (String activity : USER_TASKS) {
			ProcessInstance instance = this.runtime.createProcessInstanceById(previous.getId())
				.businessKey("CCM-" + code + "-" + activity)
				.startBeforeActivity(activity)
				.setVariables(variables)
				.execute();
			waiting.put(activity.replace("#multiInstanceBody", ""), instance.getId());
		}
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionId(previous.getId()).count())
			.isEqualTo(USER_TASKS.size());

		ProcessDefinition current = deploy("bpmn/extension-request.bpmn");
		// another node is handing them over: this one leaves it to that node
		this.jdbc.sql("update app_lock set locked_until = ?, locked_by = 'another-node' where name = ?")
			.params(Timestamp.from(Instant.now().plusSeconds(600)), RunningRequestMigration.LOCK)
			.update();
		assertThat(this.migration.startMigration()).isEmpty();
		this.jdbc.sql("update app_lock set locked_until = ? where name = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), RunningRequestMigration.LOCK)
			.update();

		// the start hands them to one batch and moves none itself
		List<Batch> batches = this.migration.startMigration();
		assertThat(batches).singleElement()
			.satisfies((batch) -> assertThat(batch.getTotalJobs()).isEqualTo(USER_TASKS.size()));
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionId(previous.getId()).count())
			.isEqualTo(USER_TASKS.size());
		// a restart while the batch runs creates no second one for the same instances
		assertThat(this.migration.startMigration()).isEmpty();

		// the job executors carry it out
		runBatch(batches.get(0));
		assertThat(this.management.createBatchQuery().count()).isZero();
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionId(previous.getId()).count()).isZero();

		waiting.forEach((activity, id) -> {
			ProcessInstance instance = this.runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
			assertThat(instance.getProcessDefinitionId()).as(activity).isEqualTo(current.getId());
			assertThat(instance).isWaitingAt(activity);
			assertThat(this.tasks.createTaskQuery().processInstanceId(id).list())
				.extracting(Task::getProcessDefinitionId)
				.containsOnly(current.getId());
		});
		// the migrated instances follow the current model
		String answered = waiting.get(TASK_RECORD_STATE_RESPONSE);
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(answered).singleResult().getId(),
				Map.of(RESPONSE_SUMMARY, "Answers received."));
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(answered).singleResult())
			.isWaitingAt(TASK_REVIEW_STATE_ANSWERS);
		String reviewed = waiting.get(TASK_FINAL_REVIEW);
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(reviewed).singleResult().getId(),
				finalReview("grant", "2031-11-01"));
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(reviewed).singleResult())
			.isWaitingAt(TASK_ENDORSE_ANALYSIS);
		String decided = waiting.get(TASK_RECORD_DECISION);
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(decided).singleResult().getId(),
				decision("not-considered-late", null));
		runAsyncSteps(this.management, decided);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(decided).count()).isZero();
		assertThat(this.registry.state(Convention.CCM, code).clearanceDeadline()).hasToString("2028-11-01");
		assertThat(this.migration.startMigration()).isEmpty();
		waiting.values()
			.stream()
			.filter((id) -> !id.equals(decided))
			.forEach((id) -> this.runtime.deleteProcessInstance(id, "test over"));
	}

	/**
	 * What the job executors do with a batch: its seed job creates one migration job per
	 * instance, each moves its instance, the monitor job then ends the batch.
	 */
	private void runBatch(Batch batch) {
		for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getMonitorJobDefinitionId())) {
			this.management.createJobQuery()
				.jobDefinitionId(definition)
				.list()
				.forEach((job) -> this.management.executeJob(job.getId()));
		}
	}

	/**
	 * Deploys a model with the application's forms; the newest deployment is the latest
	 * version.
	 */
	private ProcessDefinition deploy(String model) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		DeploymentBuilder deployment = this.repository.createDeployment().name("migration-test " + model);
		try (InputStream in = resolver.getResource("classpath:" + model).getInputStream()) {
			deployment.addInputStream("extension-request.bpmn", in);
			for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
				try (InputStream formIn = form.getInputStream()) {
					deployment.addInputStream(form.getFilename(), formIn);
				}
			}
			String deploymentId = deployment.deploy().getId();
			return this.repository.createProcessDefinitionQuery()
				.deploymentId(deploymentId)
				.processDefinitionKey(PROCESS_KEY)
				.singleResult();
		}
	}

}
