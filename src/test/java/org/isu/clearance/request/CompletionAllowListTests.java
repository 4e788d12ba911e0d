package org.isu.clearance.request;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.identity.TaskForms;
import org.isu.clearance.identity.TaskWork;
import org.isu.clearance.shared.FieldValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For every user task of the deployed {@code extension-request} model and every variable
 * of the process contract ({@link ExtensionRequestProcess}): a completion carrying a
 * variable that is not a field of the task's form is refused, naming it; the form's own
 * fields pass.
 */
@ApplicationTest
class CompletionAllowListTests {

	@Autowired
	private RepositoryService repository;

	@Autowired
	private TaskForms forms;

	@Autowired
	private TaskWork taskWork;

	@Test
	void aCompletionWritesOnlyItsFormsFields() throws IllegalAccessException {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult();
		List<String> contract = contractVariables();
		List<String> checked = new ArrayList<>();
		for (UserTask userTask : this.repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(UserTask.class)) {
			TaskEntity task = new TaskEntity();
			task.setProcessDefinitionId(definition.getId());
			task.setTaskDefinitionKey(userTask.getId());
			task.setName(userTask.getName());
			Set<String> fields = this.forms.taskFields(definition.getId(), userTask.getId());
			assertThat(fields).as(userTask.getId() + " has a form with fields").isNotEmpty();
			assertThat(contract).as("the fields of " + userTask.getId() + " are contract variables")
				.containsAll(fields);
			assertThatCode(() -> this.taskWork.checkFields(task, fields)).doesNotThrowAnyException();
			for (String variable : contract) {
				if (fields.contains(variable)) {
					continue;
				}
				assertThatThrownBy(() -> this.taskWork.checkFields(task, Set.of(variable)))
					.as(userTask.getId() + " × " + variable)
					.isInstanceOfSatisfying(FieldValidationException.class,
							(ex) -> assertThat(ex.field()).isEqualTo(variable));
				checked.add(userTask.getId() + " × " + variable);
			}
		}
		assertThat(checked).hasSizeGreaterThan(9 * 30);
	}

	/**
	 * Every variable name of the process contract: the String constants of
	 * {@link ExtensionRequestProcess} that are not element ids, the process key or a
	 * message.
	 */
	static List<String> contractVariables() throws IllegalAccessException {
		Set<String> variables = new TreeSet<>();
		for (Field field : ExtensionRequestProcess.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				String value = (String) field.get(null);
				if (!value.matches("(Task|Timer|End|Gateway|StartEvent)_.*") && !field.getName().equals("PROCESS_KEY")
						&& !field.getName().startsWith("MESSAGE_")) {
					variables.add(value);
				}
			}
		}
		return List.copyOf(variables);
	}

}
