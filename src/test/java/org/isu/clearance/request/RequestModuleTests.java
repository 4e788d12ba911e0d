package org.isu.clearance.request;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request module with the modules it needs (review, notification, registry, calendar,
 * identity) and its own model, without the document module: the record's documents come
 * through its {@link RequestDocuments} question, answered here by the test. A request is
 * taken in, refused as complete while the State's request is not in the record, then
 * found complete and handed to a rapporteur; the read model shows it.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/extension-request.bpmn,classpath*:forms/**/*.form" })
class RequestModuleTests {

	private static final Set<String> REQUESTS_IN_RECORD = ConcurrentHashMap.newKeySet();

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private Registry registry;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private RequestReadModel readModel;

	@Autowired
	private Outbox outbox;

	@Test
	void takesARequestInAndHandsItToARapporteurWithoutTheDocumentModule() {
		RequestFixtures.state(this.registry, "NRU", "2028-11-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "NRU", "2031-11-01", "2026-11-20");
		Task check = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS)
			.singleResult();
		assertThat(check.getDueDate()).isNotNull();
		assertThat(candidateGroups(check)).containsExactly(Groups.ISU);

		assertThatThrownBy(
				() -> this.tasks.complete(check.getId(), Map.of(ExtensionRequestProcess.REQUEST_COMPLETE, true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("request must be uploaded");

		REQUESTS_IN_RECORD.add(key);
		this.tasks.complete(check.getId(), Map.of(ExtensionRequestProcess.REQUEST_COMPLETE, true));

		Task review = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW)
			.singleResult();
		assertThat(review.getDueDate()).isNotNull();
		assertThat(candidateGroups(review)).isNotEmpty();
		assertThat(this.readModel.find(key)).hasValueSatisfying((summary) -> {
			assertThat(summary.status()).isEqualTo("open");
			assertThat(summary.stages()).extracting(RequestSummary.StageView::activityId)
				.containsExactly(ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW);
		});
		assertThat(this.outbox.mailsOf(key)).isNotEmpty();
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> "candidate".equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	@TestConfiguration
	static class RecordOfTheTest {

		@Bean
		RequestDocuments requestDocuments() {
			return new RequestDocuments() {

				@Override
				public List<RecordDocument> of(String businessKey) {
					return List.of();
				}

				@Override
				public List<String> kinds() {
					return List.of("request");
				}

				@Override
				public boolean hasStatesRequest(String businessKey) {
					return REQUESTS_IN_RECORD.contains(businessKey);
				}

				@Override
				public boolean hasOfficialAnalysis(String businessKey, String language) {
					return false;
				}

			};
		}

	}

}
