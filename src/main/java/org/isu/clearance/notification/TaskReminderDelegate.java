package org.isu.clearance.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.identity.Groups;

import org.springframework.stereotype.Component;

/**
 * Due-soon and overdue reminders, fired by the timer boundary events on each waiting
 * task: one mail per person per task and firing, to the assignee or else each member of
 * the candidate groups; overdue reminders also go to the coordinators. A reminder whose
 * moment no longer fits the task's (possibly moved) due date is skipped. The key
 * ({@code {kind}:{taskId}:{dueDate}:{n}:{user}}, n counting the weeks overdue) makes a
 * replayed timer or a retried job write nothing twice.
 */
@Component
class TaskReminderDelegate implements JavaDelegate {

	static final String DUE_SOON = "due-soon";

	static final String OVERDUE = "overdue";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final TaskService tasks;

	private final Recipients recipients;

	private final Outbox outbox;

	private final NotificationProperties properties;

	TaskReminderDelegate(TaskService tasks, Recipients recipients, Outbox outbox, NotificationProperties properties) {
		this.tasks = tasks;
		this.recipients = recipients;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String taskKey = (String) execution.getVariable(MailVariables.REMINDER_FOR);
		String kind = (String) execution.getVariable(MailVariables.REMINDER_KIND);
		Date now = ClockUtil.getCurrentTime();
		for (Task task : waitingTasks(execution.getProcessInstanceId(), taskKey)) {
			Date due = task.getDueDate();
			if (due == null || (DUE_SOON.equals(kind) && !due.after(now)) || (OVERDUE.equals(kind) && due.after(now))) {
				continue;
			}
			long firing = OVERDUE.equals(kind) ? Duration.between(due.toInstant(), now.toInstant()).toDays() / 7 : 0;
			String dueDay = LocalDate.ofInstant(due.toInstant(), ZoneId.systemDefault()).format(DAY);
			Map<String, Object> model = MailModels.request(execution, MailModels.REQUEST_VARIABLES);
			model.put("taskName", task.getName());
			model.put("due", MailModels.day(due));
			model.put("link", this.properties.tasklistLink(task.getId()));
			for (Recipients.Recipient recipient : recipients(task, OVERDUE.equals(kind))) {
				model.put("recipientName", recipient.name());
				this.outbox.enqueue(new Outbox.TemplatedMail(
						kind + ":" + task.getId() + ":" + dueDay + ":" + firing + ":" + recipient.userId(), kind,
						recipient.email(), recipient.language(), model, execution.getProcessBusinessKey(),
						execution.getProcessInstanceId(), task.getId()));
			}
		}
	}

	/**
	 * The open tasks of the instance for one task of the model: the engine's plain lookup
	 * of an instance's tasks, inside the timer's own command, instead of a task query.
	 * Building the task query's SQL (Camunda's dynamic mapping, every condition
	 * evaluated) took a fifth of a reminder job's CPU (bench/reminder-latency.sh, README
	 * "Performance").
	 */
	private static List<? extends Task> waitingTasks(String processInstanceId, String taskKey) {
		return Context.getCommandContext()
			.getTaskManager()
			.findTasksByProcessInstanceId(processInstanceId)
			.stream()
			.filter((task) -> taskKey.equals(task.getTaskDefinitionKey()))
			.toList();
	}

	private List<Recipients.Recipient> recipients(Task task, boolean includeCoordinators) {
		List<String> userIds = new ArrayList<>();
		if (task.getAssignee() != null) {
			userIds.add(task.getAssignee());
		}
		else {
			this.recipients.candidates(this.tasks.getIdentityLinksForTask(task.getId()))
				.forEach((recipient) -> userIds.add(recipient.userId()));
		}
		if (includeCoordinators) {
			userIds.addAll(this.recipients.memberIds(Groups.COORDINATORS));
		}
		return this.recipients.users(userIds);
	}

}
