package org.isu.clearance.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.identity.Groups;

import org.springframework.stereotype.Component;

/**
 * Due-soon and overdue reminders, fired by the timer boundary events on each waiting
 * task: one mail per person per task and firing, to the assignee or else each member of
 * the candidate groups; overdue reminders also go to the coordinators. A reminder whose
 * moment no longer fits the task's (possibly moved) due date is skipped.
 */
@Component
class TaskReminderDelegate implements JavaDelegate {

	static final String DUE_SOON = "due-soon";

	static final String OVERDUE = "overdue";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final TaskService tasks;

	private final IdentityService identity;

	private final Outbox outbox;

	private final NotificationProperties properties;

	TaskReminderDelegate(TaskService tasks, IdentityService identity, Outbox outbox,
			NotificationProperties properties) {
		this.tasks = tasks;
		this.identity = identity;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String taskKey = (String) execution.getVariable("reminderFor");
		String kind = (String) execution.getVariable("reminderKind");
		Date now = ClockUtil.getCurrentTime();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.list()) {
			Date due = task.getDueDate();
			if (due == null || (DUE_SOON.equals(kind) && !due.after(now)) || (OVERDUE.equals(kind) && due.after(now))) {
				continue;
			}
			long firing = OVERDUE.equals(kind) ? Duration.between(due.toInstant(), now.toInstant()).toDays() / 7 : 0;
			for (User user : recipients(task, OVERDUE.equals(kind))) {
				if (user.getEmail() == null || user.getEmail().isBlank()) {
					continue;
				}
				String dueDay = LocalDate.ofInstant(due.toInstant(), ZoneId.systemDefault()).format(DAY);
				String language = "en";
				Object stateName = execution.getVariable("stateName");
				this.outbox.enqueue(new OutgoingMail(
						kind + ":" + task.getId() + ":" + dueDay + ":" + firing + ":" + user.getId(), kind,
						user.getEmail(), language, Letters.reminderSubject(kind, language, task.getName(), stateName),
						Letters.reminderBody(kind, language, task.getName(), stateName,
								LocalDate.ofInstant(due.toInstant(), ZoneId.systemDefault()),
								this.properties.tasklistLink(task.getId())),
						null, execution.getProcessBusinessKey(), execution.getProcessInstanceId(), task.getId()));
			}
		}
	}

	private Set<User> recipients(Task task, boolean includeCoordinators) {
		Set<String> userIds = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			userIds.add(task.getAssignee());
		}
		else {
			for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
					members(link.getGroupId()).forEach(userIds::add);
				}
				else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
					userIds.add(link.getUserId());
				}
			}
		}
		if (includeCoordinators) {
			members(Groups.COORDINATORS).forEach(userIds::add);
		}
		Set<User> users = new LinkedHashSet<>();
		for (String userId : userIds) {
			User user = this.identity.createUserQuery().userId(userId).singleResult();
			if (user != null) {
				users.add(user);
			}
		}
		return users;
	}

	private java.util.List<String> members(String groupId) {
		return this.identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
	}

}
