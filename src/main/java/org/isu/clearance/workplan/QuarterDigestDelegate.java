package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.notification.MailTemplates;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Outbox.TemplatedMail;
import org.isu.clearance.notification.Recipients;
import org.isu.clearance.workplan.WorkPlanSchedule.QuarterPeriod;

import org.springframework.stereotype.Component;

/**
 * {@code Task_SendQuarterDigest}: the digest of the quarter that starts today, to every
 * member of {@code coordinators}, {@code analysis-group}, {@code article5-committee} and
 * {@code isu} (once per person, in the person's language where the digest exists in it,
 * otherwise English: template {@code mail/quarter-digest.*}). Once per quarter and
 * person: the key is {@code workplan:{quarter}:{firstDay}:{userId}}.
 */
@Component
class QuarterDigestDelegate implements JavaDelegate {

	static final String TEMPLATE = "quarter-digest";

	static final String QUARTER = "quarter";

	static final String QUARTER_FIRST_DAY = "quarterFirstDay";

	private final WorkPlanSchedule schedule;

	private final QuarterDigest digest;

	private final Recipients recipients;

	private final Outbox outbox;

	QuarterDigestDelegate(WorkPlanSchedule schedule, QuarterDigest digest, Recipients recipients, Outbox outbox) {
		this.schedule = schedule;
		this.digest = digest;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@Override
	public void execute(DelegateExecution execution) {
		QuarterPeriod quarter = this.schedule
			.quarterOf(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()));
		execution.setVariable(QUARTER, quarter.quarter().name());
		execution.setVariable(QUARTER_FIRST_DAY, quarter.start().toString());
		// one model per language the digest goes out in (the work plan's labels)
		Map<String, Map<String, Object>> models = new HashMap<>();
		for (Recipients.Recipient user : this.recipients.members(Groups.COORDINATORS, Groups.ANALYSIS_GROUP,
				Groups.ARTICLE5_COMMITTEE, Groups.ISU)) {
			String language = MailTemplates.language(TEMPLATE, user.language()).used();
			Map<String, Object> model = new HashMap<>(
					models.computeIfAbsent(language, (used) -> this.digest.model(quarter, used)));
			model.put("recipientName", user.name());
			this.outbox.enqueue(TemplatedMail.to(user,
					"workplan:" + quarter.quarter().name() + ":" + quarter.start() + ":" + user.userId(),
					"workplan-digest", TEMPLATE, model, "workplan-" + quarter.start(),
					execution.getProcessInstanceId()));
		}
	}

}
