package org.isu.clearance.request;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.identity.Caller;
import org.isu.clearance.identity.TaskWork;
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
 * The signed-in user's tasks: claiming one, giving it back, a coordinator reassigning it,
 * and completing it with its outcome. The engine checks that the user may work on the
 * task, {@link TaskWork} that only the assignee completes it and only with its form's
 * fields, {@code taskOutcomeValidator} the outcome itself.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final TaskWork taskWork;

	TaskController(TaskService tasks, RuntimeService runtime, IdentityService identity, TaskWork taskWork) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.taskWork = taskWork;
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
		Task task = visibleTask(taskId);
		this.taskWork.checkCompletion(task, caller(), variables.keySet());
		this.tasks.complete(taskId, variables);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Claims an unassigned task of one of the user's groups for the user.
	 */
	@PostMapping("/{taskId}/claim")
	ResponseEntity<Void> claim(@PathVariable String taskId) {
		visibleTask(taskId);
		this.tasks.claim(taskId, caller().userId());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Gives a task back to its groups: its assignee, a coordinator or an administrator.
	 */
	@PostMapping("/{taskId}/unclaim")
	ResponseEntity<Void> unclaim(@PathVariable String taskId) {
		Task task = visibleTask(taskId);
		Caller caller = caller();
		this.taskWork.checkUnclaim(task, caller);
		this.tasks.setAssignee(taskId, null);
		if (!caller.userId().equals(task.getAssignee())) {
			this.taskWork.recordReassignment(task, caller, null);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A coordinator hands a task to another member of its groups (an administrator to
	 * anyone); recorded on the task.
	 */
	@PostMapping("/{taskId}/assignee")
	ResponseEntity<Void> reassign(@PathVariable String taskId, @Valid @RequestBody AssigneeInput input) {
		Task task = visibleTask(taskId);
		Caller caller = caller();
		this.taskWork.checkReassignment(task, caller, input.userId());
		this.tasks.setAssignee(taskId, input.userId());
		this.taskWork.recordReassignment(task, caller, input.userId());
		return ResponseEntity.noContent().build();
	}

	private Task visibleTask(String taskId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new NotFoundException("No task " + taskId + " that you may see");
		}
		return task;
	}

	private Caller caller() {
		return Caller.current(this.identity);
	}

	record AssigneeInput(@NotBlank @Size(max = 64) String userId) {

	}

	record TaskView(String id, String taskDefinitionKey, String name, String assignee, Date due,
			String processInstanceId, String businessKey) {

		static TaskView of(Task task, String businessKey) {
			return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
					task.getDueDate(), task.getProcessInstanceId(), businessKey);
		}

	}

}
