package org.isu.clearance.request;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's tasks, and completing one with its outcome variables. The engine
 * checks that the user may work on the task; {@code taskOutcomeValidator} checks the
 * outcome.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	TaskController(TaskService tasks, RuntimeService runtime, IdentityService identity) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
	}

	@GetMapping
	List<TaskView> visibleTasks() {
		List<Task> visible = this.tasks.createTaskQuery()
			.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
			.initializeFormKeys()
			.orderByDueDate()
			.asc()
			.listPage(0, 500);
		Set<String> instanceIds = visible.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		// one query for the requests' business keys of the tasks the user may see
		Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
				: AsSystem.call(this.identity,
						() -> this.runtime.createProcessInstanceQuery()
							.processInstanceIds(instanceIds)
							.list()
							.stream()
							.collect(Collectors.toMap(ProcessInstance::getId,
									(instance) -> String.valueOf(instance.getBusinessKey()))));
		return visible.stream()
			.map((task) -> TaskView.of(task, businessKeys.get(task.getProcessInstanceId())))
			.toList();
	}

	@PostMapping("/{taskId}/complete")
	ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> variables) {
		if (this.tasks.createTaskQuery().taskId(taskId).count() == 0) {
			throw new NotFoundException("No task " + taskId + " that you may see");
		}
		this.tasks.complete(taskId, variables);
		return ResponseEntity.noContent().build();
	}

	record TaskView(String id, String taskDefinitionKey, String name, String assignee, Date due,
			String processInstanceId, String businessKey) {

		static TaskView of(Task task, String businessKey) {
			return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
					task.getDueDate(), task.getProcessInstanceId(), businessKey);
		}

	}

}
