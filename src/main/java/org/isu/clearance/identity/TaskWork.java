package org.isu.clearance.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may work a task, beyond what Camunda's permissions say. The engine grants the
 * members of a task's candidate groups {@code TASK_WORK} on it (claim, complete); these
 * rules narrow that down, on every surface (the application's API, {@code /engine-rest},
 * Tasklist's REST API):
 * <ul>
 * <li>only the assignee completes, submits or resolves a task, and only with the fields
 * of its Camunda Form ({@link TaskForms});</li>
 * <li>a user claims an unassigned task for themselves only;</li>
 * <li>only the assignee, a coordinator or an administrator unclaims it;</li>
 * <li>coordinators reassign (or delegate) within the task's candidate groups,
 * administrators to anyone; each reassignment is recorded as a task comment beside the
 * engine's operation log.</li>
 * </ul>
 */
@Component
public class TaskWork {

	private final TaskService tasks;

	private final IdentityService identity;

	private final TaskForms forms;

	TaskWork(TaskService tasks, IdentityService identity, TaskForms forms) {
		this.tasks = tasks;
		this.identity = identity;
		this.forms = forms;
	}

	/**
	 * The task with that id, read as the system, or {@code null}.
	 */
	public Task find(String taskId) {
		return AsSystem.call(this.identity, () -> this.tasks.createTaskQuery().taskId(taskId).singleResult());
	}

	/**
	 * A completion (or form submission, or resolution) of the task by the caller writing
	 * these variables.
	 * @throws ForbiddenException when the caller is not the task's assignee
	 * @throws FieldValidationException naming the first variable that is not a field of
	 * the task's form
	 */
	public void checkCompletion(Task task, Caller caller, Collection<String> variableNames) {
		if (caller == null || !caller.userId().equals(task.getAssignee())) {
			throw new ForbiddenException("Only the task's assignee may complete it"
					+ ((task.getAssignee() != null) ? "" : ": claim it first"));
		}
		checkFields(task, variableNames);
	}

	/**
	 * Only the fields of the task's form may be written by completing it.
	 */
	public void checkFields(Task task, Collection<String> variableNames) {
		Set<String> allowed = (task.getProcessDefinitionId() != null)
				? this.forms.taskFields(task.getProcessDefinitionId(), task.getTaskDefinitionKey()) : Set.of();
		for (String name : new TreeSet<>(variableNames)) {
			if (!allowed.contains(name)) {
				throw new FieldValidationException(name, "is not a field of the form of '" + task.getName()
						+ "': completing a task writes only its own outcome " + new TreeSet<>(allowed));
			}
		}
	}

	/**
	 * A claim of the task for {@code userId} by the caller.
	 */
	public void checkClaim(Task task, Caller caller, String userId) {
		if (caller == null || !caller.userId().equals(userId)) {
			throw new ForbiddenException("A task is claimed for oneself only; a coordinator reassigns it");
		}
	}

	/**
	 * Giving up the task (no assignee).
	 */
	public void checkUnclaim(Task task, Caller caller) {
		if (caller == null || !(caller.userId().equals(task.getAssignee()) || caller.isIn(Groups.COORDINATORS)
				|| caller.isAdmin())) {
			throw new ForbiddenException("Only the assignee, a coordinator or an administrator unclaims a task");
		}
	}

	/**
	 * Handing the task to {@code userId} (a reassignment or delegation; {@code null}
	 * unassigns).
	 */
	public void checkReassignment(Task task, Caller caller, String userId) {
		if (caller == null) {
			throw new ForbiddenException("Sign in to reassign a task");
		}
		if (userId == null) {
			checkUnclaim(task, caller);
			return;
		}
		if (caller.isAdmin()) {
			return;
		}
		if (!caller.isIn(Groups.COORDINATORS)) {
			throw new ForbiddenException("Only a coordinator or an administrator reassigns a task");
		}
		List<String> groups = candidateGroups(task.getId());
		boolean member = AsSystem.call(this.identity, () -> groups.stream()
			.anyMatch((group) -> this.identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
		if (!member) {
			throw new FieldValidationException("userId",
					"'" + userId + "' is not a member of the task's groups " + groups);
		}
	}

	/**
	 * Records who moved the task from whom to whom, on the task itself (the engine's
	 * operation log records it too).
	 */
	public void recordReassignment(Task task, Caller caller, String userId) {
		if (Objects.equals(task.getAssignee(), userId)) {
			return;
		}
		String message = "Reassigned from " + Objects.requireNonNullElse(task.getAssignee(), "nobody") + " to "
				+ Objects.requireNonNullElse(userId, "nobody") + " by " + caller.userId();
		AsSystem.call(this.identity,
				() -> this.tasks.createComment(task.getId(), task.getProcessInstanceId(), message));
	}

	private List<String> candidateGroups(String taskId) {
		return AsSystem.call(this.identity,
				() -> this.tasks.getIdentityLinksForTask(taskId)
					.stream()
					.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.map(IdentityLink::getGroupId)
					.toList());
	}

}
