package org.isu.clearance.outreach;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.notification.OutgoingMail;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.outreach.OutreachMailTemplates.RenderedMail;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.request.ExtensionRequestProcess;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * {@code Task_SendFirstReminder}, {@code Task_SendSecondReminder},
 * {@code Task_SendFinalReminder}: the countdown to the submission due date, to the
 * State's focal point in its language (English or French, otherwise English), with the
 * focal point's address as the registry has it now. Writes nothing when a request for the
 * State and meeting is already open, or when the reminder was superseded (see
 * {@link DeadlineWatchDates#superseded}). Once per watch and reminder: the idempotency
 * key is {@code watch:{businessKey}:{reminder}}.
 */
@Component
class FocalPointReminderDelegate implements JavaDelegate {

	private final Registry registry;

	private final RuntimeService runtime;

	private final Outbox outbox;

	private final OutreachMailTemplates templates;

	private final DeadlineWatchDates dates;

	FocalPointReminderDelegate(Registry registry, RuntimeService runtime, Outbox outbox,
			OutreachMailTemplates templates, DeadlineWatchDates dates) {
		this.registry = registry;
		this.runtime = runtime;
		this.outbox = outbox;
		this.templates = templates;
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reminder = (String) execution.getVariable(REMINDER);
		if (this.dates.superseded(execution, reminder) || requestOpen(this.runtime, execution)) {
			return;
		}
		StateParty state = this.registry
			.findState(Convention.valueOf((String) execution.getVariable(CONVENTION)),
					(String) execution.getVariable(STATE_CODE))
			.orElse(null);
		if (state == null || state.focalPointEmail() == null || state.focalPointEmail().isBlank()) {
			return;
		}
		String language = OutreachMailTemplates.language(state.preferredLanguage());
		Map<String, Object> model = new HashMap<>(execution.getVariables());
		model.put("stateName", state.name());
		model.put("conventionTitle", state.convention().title());
		model.put("article", state.convention().article());
		model.put("reminder", reminder);
		RenderedMail mail = this.templates.render("focal-point-reminder", language, model);
		this.outbox.enqueue(new OutgoingMail("watch:" + execution.getProcessBusinessKey() + ":" + reminder,
				"watch-" + reminder + "-reminder", state.focalPointEmail(), language, mail.subject(), mail.text(),
				mail.html(), execution.getProcessBusinessKey(), execution.getProcessInstanceId(), null));
	}

	/**
	 * Whether the request of the watched State and meeting is already open (the message
	 * that ends the watch may not have arrived yet).
	 */
	static boolean requestOpen(RuntimeService runtime, DelegateExecution watch) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
			.processInstanceBusinessKey(ExtensionRequestProcess.businessKey((String) watch.getVariable(CONVENTION),
					(String) watch.getVariable(STATE_CODE), (String) watch.getVariable(MEETING_CODE)))
			.count() > 0;
	}

}
