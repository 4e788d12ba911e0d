package org.isu.clearance.outreach;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.TemplatedMail;
import org.isu.clearance.notification.Recipients;
import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.request.ExtensionRequestProcess;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * {@code Task_SendFirstReminder}, {@code Task_SendSecondReminder},
 * {@code Task_SendFinalReminder}: the countdown to the submission due date, to the
 * State's focal point in its language (English, French or Spanish, otherwise English:
 * template {@code mail/state-focal-point-reminder.*}), with the focal point's address as
 * the registry has it now. Writes nothing when a request for the State and meeting is
 * already open, or when the reminder was superseded (see
 * {@link DeadlineWatchDates#superseded}). Once per watch and reminder: the idempotency
 * key is {@code watch:{businessKey}:{reminder}}.
 */
@Component
class FocalPointReminderDelegate implements JavaDelegate {

	private final Registry registry;

	static final String TEMPLATE = "state-focal-point-reminder";

	private final Outbox outbox;

	private final Recipients recipients;

	private final DeadlineWatchDates dates;

	private final DeadlineWatches watches;

	private final DeadlineCalendar calendar;

	FocalPointReminderDelegate(Registry registry, Outbox outbox, Recipients recipients, DeadlineWatchDates dates,
			DeadlineWatches watches, DeadlineCalendar calendar) {
		this.calendar = calendar;
		this.watches = watches;
		this.registry = registry;
		this.outbox = outbox;
		this.recipients = recipients;
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reminder = (String) execution.getVariable(REMINDER);
		if (this.dates.superseded(execution, reminder) || this.watches.requestOpen(execution)
				|| !current(this.watches, execution)) {
			return;
		}
		StateParty state = this.registry
			.findState(Convention.valueOf((String) execution.getVariable(CONVENTION)),
					(String) execution.getVariable(STATE_CODE))
			.orElse(null);
		Recipients.Recipient focalPoint = this.recipients.focalPoint(state).orElse(null);
		if (focalPoint == null) {
			return;
		}
		Map<String, Object> model = new HashMap<>(execution.getVariables());
		model.put("stateName", state.name());
		model.put("convention", state.convention().name());
		model.put("reminder", reminder);
		// the letter says how far ahead the request is due from the configured lead, not
		// a
		// fixed "nine months"
		model.put("submissionLeadMonths", this.calendar.submissionLead(state.convention()).toTotalMonths());
		this.outbox.enqueue(TemplatedMail.to(focalPoint, "watch:" + execution.getProcessBusinessKey() + ":" + reminder,
				"watch-" + reminder + "-reminder", TEMPLATE, model, execution.getProcessBusinessKey(),
				execution.getProcessInstanceId()));
	}

	/**
	 * Whether the watch still matches the registry (see
	 * {@link DeadlineWatches#isCurrent}).
	 */
	static boolean current(DeadlineWatches watches, DelegateExecution watch) {
		return watches.isCurrent((String) watch.getVariable(CONVENTION), (String) watch.getVariable(STATE_CODE),
				(String) watch.getVariable(MEETING_CODE));
	}

}
