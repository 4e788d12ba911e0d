package org.isu.clearance.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.isu.clearance.shared.AsSystem;

import org.springframework.stereotype.Component;

/**
 * The fields of each user task's and start event's Camunda Form, read from the deployment
 * the process definition belongs to (so an instance running on an older version keeps its
 * older forms). They are the only variables a completion, a form submission or a start
 * may write: everything else the engine sets itself. Read once per process definition.
 */
@Component
public class TaskForms {

	private static final Set<String> NOT_INPUT = Set.of("button", "text", "separator", "spacer", "image", "html",
			"iframe", "expression");

	private final RepositoryService repository;

	private final IdentityService identity;

	private final ObjectMapper json;

	private final Map<String, DefinitionForms> byDefinition = new ConcurrentHashMap<>();

	TaskForms(RepositoryService repository, IdentityService identity, ObjectMapper json) {
		this.repository = repository;
		this.identity = identity;
		this.json = json;
	}

	/**
	 * The input fields of the form of a user task, or empty when the task has no Camunda
	 * Form (then it accepts no variables).
	 */
	public Set<String> taskFields(String processDefinitionId, String taskDefinitionKey) {
		return forms(processDefinitionId).tasks().getOrDefault(taskDefinitionKey, Set.of());
	}

	/**
	 * The input fields of the start form of a process definition, or empty when it has
	 * none (then only the system or an administrator starts it).
	 */
	public Optional<Set<String>> startFields(String processDefinitionId) {
		return Optional.ofNullable(forms(processDefinitionId).start());
	}

	private DefinitionForms forms(String processDefinitionId) {
		return this.byDefinition.computeIfAbsent(processDefinitionId,
				(id) -> AsSystem.call(this.identity, () -> read(id)));
	}

	private DefinitionForms read(String processDefinitionId) {
		ProcessDefinition definition = this.repository.getProcessDefinition(processDefinitionId);
		Map<String, Set<String>> formsById = formsOfDeployment(definition.getDeploymentId());
		BpmnModelInstance model = this.repository.getBpmnModelInstance(processDefinitionId);
		Map<String, Set<String>> tasks = new LinkedHashMap<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			tasks.put(task.getId(), fieldsOf(formsById, task.getCamundaFormRef()));
		}
		Set<String> start = null;
		Collection<StartEvent> starts = model.getModelElementsByType(StartEvent.class);
		for (StartEvent event : starts) {
			if (event.getCamundaFormRef() != null && event.getParentElement() instanceof Process) {
				start = fieldsOf(formsById, event.getCamundaFormRef());
			}
		}
		return new DefinitionForms(Map.copyOf(tasks), start);
	}

	private static Set<String> fieldsOf(Map<String, Set<String>> formsById, String formRef) {
		if (formRef == null) {
			return Set.of();
		}
		Set<String> fields = formsById.get(formRef);
		if (fields == null) {
			throw new IllegalStateException("Form '" + formRef + "' is not part of the deployment");
		}
		return fields;
	}

	private Map<String, Set<String>> formsOfDeployment(String deploymentId) {
		Map<String, Set<String>> forms = new LinkedHashMap<>();
		for (String resource : this.repository.getDeploymentResourceNames(deploymentId)) {
			if (!resource.endsWith(".form")) {
				continue;
			}
			try (InputStream in = this.repository.getResourceAsStream(deploymentId, resource)) {
				JsonNode form = this.json.readTree(in);
				forms.put(form.path("id").asText(), Set.copyOf(inputKeys(form, new LinkedHashSet<>())));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read form " + resource, ex);
			}
		}
		return forms;
	}

	/**
	 * The keys of the form's input fields: components with a key that the user fills in
	 * (read-only and disabled fields are shown, never written).
	 */
	static Set<String> inputKeys(JsonNode node, Set<String> keys) {
		for (JsonNode component : node.path("components")) {
			String type = component.path("type").asText();
			if (component.hasNonNull("key") && !NOT_INPUT.contains(type) && !component.path("readonly").asBoolean()
					&& !component.path("disabled").asBoolean()) {
				keys.add(component.get("key").asText());
			}
			inputKeys(component, keys);
		}
		return keys;
	}

	private record DefinitionForms(Map<String, Set<String>> tasks, Set<String> start) {

	}

}
