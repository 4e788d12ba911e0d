package org.isu.clearance.outreach;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.notification.OutgoingMail;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.outreach.OutreachMailTemplates.RenderedMail;

import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertCoordinators}: the day after the submission due date, when no request
 * for the watched State and meeting arrived, every coordinator is alerted (in English:
 * users have no language preference). Once per watch and coordinator.
 */
@Component
class SubmissionOverdueDelegate implements JavaDelegate {

	static final String LANGUAGE = "en";

	private final IdentityService identity;

	private final RuntimeService runtime;

	private final Outbox outbox;

	private final OutreachMailTemplates templates;

	SubmissionOverdueDelegate(IdentityService identity, RuntimeService runtime, Outbox outbox,
			OutreachMailTemplates templates) {
		this.identity = identity;
		this.runtime = runtime;
		this.outbox = outbox;
		this.templates = templates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (FocalPointReminderDelegate.requestOpen(this.runtime, execution)) {
			return;
		}
		Map<String, Object> model = new HashMap<>(execution.getVariables());
		RenderedMail mail = this.templates.render("submission-overdue", LANGUAGE, model);
		for (User user : this.identity.createUserQuery().memberOfGroup(Groups.COORDINATORS).list()) {
			if (user.getEmail() == null || user.getEmail().isBlank()) {
				continue;
			}
			this.outbox
				.enqueue(new OutgoingMail("watch:" + execution.getProcessBusinessKey() + ":overdue:" + user.getId(),
						"watch-overdue", user.getEmail(), LANGUAGE, mail.subject(), mail.text(), mail.html(),
						execution.getProcessBusinessKey(), execution.getProcessInstanceId(), null));
		}
	}

}
