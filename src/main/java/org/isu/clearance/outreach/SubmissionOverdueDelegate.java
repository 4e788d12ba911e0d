package org.isu.clearance.outreach;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.TemplatedMail;
import org.isu.clearance.notification.Recipients;

import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertCoordinators}: the day after the submission due date, when no request
 * for the watched State and meeting arrived, every coordinator is alerted, in the
 * coordinator's language (template {@code mail/submission-overdue.*}). Once per watch and
 * coordinator.
 */
@Component
class SubmissionOverdueDelegate implements JavaDelegate {

	static final String TEMPLATE = "submission-overdue";

	private final Recipients recipients;

	private final Outbox outbox;

	private final DeadlineWatches watches;

	SubmissionOverdueDelegate(Recipients recipients, Outbox outbox, DeadlineWatches watches) {
		this.watches = watches;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (this.watches.requestOpen(execution) || !FocalPointReminderDelegate.current(this.watches, execution)) {
			return;
		}
		for (Recipients.Recipient coordinator : this.recipients.members(Groups.COORDINATORS)) {
			Map<String, Object> model = new HashMap<>(execution.getVariables());
			model.put("recipientName", coordinator.name());
			this.outbox.enqueue(TemplatedMail.to(coordinator,
					"watch:" + execution.getProcessBusinessKey() + ":overdue:" + coordinator.userId(), "watch-overdue",
					TEMPLATE, model, execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
		}
	}

}
