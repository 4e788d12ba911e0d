package org.isu.clearance.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of a task that is theirs, for every user task of every process: on
 * creation each member of the candidate groups (and each candidate user), on assignment
 * (including the initial one, a claim and a reassignment) the assignee. It listens to
 * Camunda's Spring event bridge ({@code camunda.bpm.eventing.task}), inside the engine's
 * transaction, and writes to the outbox under {@code assigned:{taskId}:{user}}: one mail
 * per person per task, so a candidate who claims the task gets no second mail.
 */
@Component
class TaskAssignmentNotifier {

	/** The variables of the request that {@code mail/task-assigned.*} show. */

	private final Recipients recipients;

	private final Outbox outbox;

	private final NotificationProperties properties;

	TaskAssignmentNotifier(Recipients recipients, Outbox outbox, NotificationProperties properties) {
		this.recipients = recipients;
		this.outbox = outbox;
		this.properties = properties;
	}

	@EventListener
	void on(DelegateTask task) {
		String event = task.getEventName();
		Collection<String> userIds;
		boolean assigned;
		if (TaskListener.EVENTNAME_CREATE.equals(event) && task.getAssignee() == null) {
			userIds = this.recipients.candidateIds(task.getCandidates());
			assigned = false;
		}
		else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event) && task.getAssignee() != null) {
			userIds = List.of(task.getAssignee());
			assigned = true;
		}
		else {
			return;
		}
		// a person already told of this task (a candidate who claims it) is not looked
		// up again: the key says so before any user, variable or template is read
		List<String> untold = userIds.stream().filter((userId) -> !this.outbox.written(key(task, userId))).toList();
		List<Recipients.Recipient> to = untold.isEmpty() ? List.of() : this.recipients.users(untold);
		if (to.isEmpty()) {
			return;
		}
		DelegateExecution execution = task.getExecution();
		// the request's variables the template shows, not every variable of the instance
		Map<String, Object> model = MailModels.request(task, MailModels.REQUEST_VARIABLES);
		model.put("taskName", task.getName());
		model.put("due", MailModels.day(task.getDueDate()));
		model.put("link", this.properties.tasklistLink(task.getId()));
		model.put("assigned", assigned);
		model.put("groupName", assigned ? "" : this.recipients.groupName(task.getCandidates()));
		for (Recipients.Recipient recipient : to) {
			model.put("recipientName", recipient.name());
			this.outbox
				.enqueueNew(new Outbox.TemplatedMail(key(task, recipient.userId()), "task-assigned", recipient.email(),
						recipient.language(), model, (execution != null) ? execution.getProcessBusinessKey() : null,
						task.getProcessInstanceId(), task.getId()));
		}
	}

	private static String key(DelegateTask task, String userId) {
		return "assigned:" + task.getId() + ":" + userId;
	}

}
