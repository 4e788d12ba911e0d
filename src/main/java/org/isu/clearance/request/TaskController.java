package org.isu.clearance.request;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	List<TaskView> visibleTasks() {
		return this.tasks.createTaskQuery()
			.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
			.initializeFormKeys()
			.orderByDueDate()
			.asc()
			.listPage(0, 500)
			.stream()
			.map(TaskView::of)
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
			String processInstanceId) {

		static TaskView of(Task task) {
			return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
					task.getDueDate(), task.getProcessInstanceId());
		}

	}

}
