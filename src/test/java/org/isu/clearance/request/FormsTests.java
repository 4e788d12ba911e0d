package org.isu.clearance.request;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Every form the model references is deployed with it, and every outcome variable of the
 * process contract is a field of its task's form.
 */
@ApplicationTest
class FormsTests {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final Map<String, List<String>> OUTCOMES = Map.ofEntries(
			Map.entry(TASK_CHECK_COMPLETENESS, List.of(REQUEST_COMPLETE, COMPLETENESS_NOTES)),
			Map.entry(TASK_RECORD_SUPPLEMENT, List.of(SUPPLEMENT_SUMMARY)),
			Map.entry(TASK_PRELIMINARY_REVIEW, List.of(PRELIMINARY_FINDINGS, QUESTIONS_FOR_STATE, QUESTIONS)),
			Map.entry(TASK_RECORD_STATE_RESPONSE,
					List.of(RESPONSE_SUMMARY, REVISED_REQUEST_RECEIVED, REVISED_RECEIVED_ON, REVISED_REQUESTED_DEADLINE,
							REVISED_SUMMARY)),
			Map.entry(TASK_REVIEW_STATE_ANSWERS, List.of(ANSWERS_ASSESSMENT, FURTHER_QUESTIONS, NEXT_QUESTIONS)),
			Map.entry(TASK_INTERSESSIONAL_PRESENTATION,
					List.of(INTERSESSIONAL_PRESENTED_ON, INTERSESSIONAL_PRESENTATION, COMMITTEE_OBSERVATIONS)),
			Map.entry(TASK_FINAL_REVIEW, List.of(ANALYSIS, DRAFT_DECISION, RECOMMENDATION, RECOMMENDED_DEADLINE)),
			Map.entry(TASK_ENDORSE_ANALYSIS, List.of(ENDORSED, ENDORSEMENT_COMMENTS)),
			Map.entry(TASK_CONFIRM_TRANSLATION, List.of(DOCUMENT_SYMBOL, TRANSLATION_CONFIRMED)),
			Map.entry(TASK_PREPARE_PRESENTATION, List.of(PRESENTATION_NOTES)),
			Map.entry(TASK_RECORD_DECISION, List.of(DECISION, NEW_DEADLINE, DECISION_DOCUMENT, DECISION_NOTES)));

	@Autowired
	private RepositoryService repository;

	@Autowired
	private FormService forms;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyUserTaskHasADeployedFormWithItsOutcomeFields() throws Exception {
		ProcessDefinition definition = latest();
		Map<String, List<String>> deployedForms = deployedForms(definition.getDeploymentId());
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());

		List<String> checked = new ArrayList<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
			assertThat(formRef).as(task.getId() + " has a form").isNotBlank();
			assertThat(task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding")).isEqualTo("deployment");
			assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " has a candidate group").isNotBlank();
			assertThat(task.getCamundaDueDate()).as(task.getId() + " has a due date").isNotBlank();
			assertThat(deployedForms).as("form " + formRef + " is deployed with the process").containsKey(formRef);
			assertThat(deployedForms.get(formRef)).as(task.getId() + " form fields")
				.containsAll(OUTCOMES.get(task.getId()));
			checked.add(task.getId());
		}
		assertThat(checked).containsExactlyInAnyOrderElementsOf(OUTCOMES.keySet());

		StartEvent start = model.getModelElementById("StartEvent_RequestReceived");
		assertThat(deployedForms.get(start.getAttributeValueNs(CAMUNDA_NS, "formRef"))).contains(CONVENTION, STATE_CODE,
				REQUESTED_DEADLINE, SUBMITTED_ON, MEETING_CODE, SUMMARY);
	}

	@Test
	void tasklistCanLoadTheStartForm() {
		assertThat(this.forms.getDeployedStartForm(latest().getId())).isNotNull();
	}

	private ProcessDefinition latest() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.latestVersion()
			.singleResult();
	}

	private Map<String, List<String>> deployedForms(String deploymentId) throws Exception {
		Map<String, List<String>> result = new HashMap<>();
		for (Resource resource : this.repository.getDeploymentResources(deploymentId)) {
			if (resource.getName().endsWith(".form")) {
				try (InputStream in = this.repository.getResourceAsStreamById(deploymentId, resource.getId())) {
					JsonNode form = this.json.readTree(in);
					List<String> keys = new ArrayList<>();
					collectKeys(form, keys);
					result.put(form.get("id").asText(), keys);
				}
			}
		}
		return result;
	}

	private static void collectKeys(JsonNode node, List<String> keys) {
		if (node.has("key")) {
			keys.add(node.get("key").asText());
		}
		if (node.has("components")) {
			node.get("components").forEach((child) -> collectKeys(child, keys));
		}
	}

}
