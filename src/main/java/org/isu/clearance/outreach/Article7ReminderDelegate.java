package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.TemplatedMail;
import org.isu.clearance.notification.Recipients;
import org.isu.clearance.registry.Article7Report;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * {@code Task_SendArticle7FirstReminder} and {@code Task_SendArticle7FinalReminder}: to
 * the focal point of every State Party of each convention whose report for the reporting
 * year (the report due on 30 April of Y covers Y − 1) is not recorded as received, in its
 * language (English, French or Spanish, otherwise English: template
 * {@code mail/state-article7-reminder.*}), a reminder that the yearly transparency report
 * is due. The first sets {@code reportDue} (the next 30 April). Once a year per State,
 * convention and reminder: the key is
 * {@code article7:{reportDue}:{reminder}:{convention}-{code}}.
 */
@Component
class Article7ReminderDelegate implements JavaDelegate {

	private final Registry registry;

	static final String TEMPLATE = "state-article7-reminder";

	private final Outbox outbox;

	private final Recipients recipients;

	private final Article7Schedule schedule;

	Article7ReminderDelegate(Registry registry, Outbox outbox, Recipients recipients, Article7Schedule schedule) {
		this.registry = registry;
		this.outbox = outbox;
		this.recipients = recipients;
		this.schedule = schedule;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (execution.getVariable(REPORT_DUE) == null) {
			execution.setVariable(REPORT_DUE, this.schedule.nextDue(DeadlineWatchDates.today()).toString());
		}
		LocalDate due = LocalDate.parse((String) execution.getVariable(REPORT_DUE));
		String reminder = (String) execution.getVariable(REMINDER);
		int reportingYear = Article7Report.reportingYearOfReportDue(due);
		for (Convention convention : Convention.values()) {
			for (StateParty state : this.registry.states(convention)) {
				Recipients.Recipient focalPoint = this.recipients.focalPoint(state).orElse(null);
				if (focalPoint == null || this.registry.article7Received(convention, state.code(), reportingYear)) {
					continue;
				}
				Map<String, Object> model = new HashMap<>();
				model.put("stateName", state.name());
				model.put("convention", convention.name());
				model.put("reportDue", due.toString());
				// a string: a number would be formatted (2,026)
				model.put("reportYear", String.valueOf(reportingYear));
				model.put("reminder", reminder);
				this.outbox.enqueue(TemplatedMail.to(focalPoint, "article7:" + due + ":" + reminder + ":" + state.key(),
						"article7-" + reminder + "-reminder", TEMPLATE, model, "article7-" + due.getYear(),
						execution.getProcessInstanceId()));
			}
		}
	}

}
