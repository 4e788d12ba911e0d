package org.isu.clearance.notification;

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
		List<Recipients.Recipient> to;
		boolean assigned;
		if (TaskListener.EVENTNAME_CREATE.equals(event) && task.getAssignee() == null) {
			to = this.recipients.candidates(task.getCandidates());
			assigned = false;
		}
		else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event) && task.getAssignee() != null) {
			to = this.recipients.users(List.of(task.getAssignee()));
			assigned = true;
		}
		else {
			return;
		}
		if (to.isEmpty()) {
			return;
		}
		DelegateExecution execution = task.getExecution();
		Map<String, Object> model = MailModels.request(task);
		model.put("taskName", task.getName());
		model.put("due", MailModels.day(task.getDueDate()));
		model.put("link", this.properties.tasklistLink(task.getId()));
		model.put("assigned", assigned);
		model.put("groupName", assigned ? "" : this.recipients.groupName(task.getCandidates()));
		for (Recipients.Recipient recipient : to) {
			model.put("recipientName", recipient.name());
			this.outbox.enqueue(new Outbox.TemplatedMail("assigned:" + task.getId() + ":" + recipient.userId(),
					"task-assigned", recipient.email(), recipient.language(), model,
					(execution != null) ? execution.getProcessBusinessKey() : null, task.getProcessInstanceId(),
					task.getId()));
		}
	}

}
