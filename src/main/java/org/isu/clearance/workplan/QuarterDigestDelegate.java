package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.notification.OutgoingMail;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.outreach.OutreachMailTemplates;
import org.isu.clearance.outreach.OutreachMailTemplates.RenderedMail;
import org.isu.clearance.workplan.WorkPlanSchedule.QuarterPeriod;

import org.springframework.stereotype.Component;

/**
 * {@code Task_SendQuarterDigest}: the digest of the quarter that starts today, to every
 * member of {@code coordinators}, {@code analysis-group}, {@code article5-committee} and
 * {@code isu} (once per person, in English: users have no language preference). Once per
 * quarter and person: the key is {@code workplan:{quarter}:{firstDay}:{userId}}.
 */
@Component
class QuarterDigestDelegate implements JavaDelegate {

	static final String LANGUAGE = "en";

	static final String QUARTER = "quarter";

	static final String QUARTER_FIRST_DAY = "quarterFirstDay";

	private final WorkPlanSchedule schedule;

	private final QuarterDigest digest;

	private final IdentityService identity;

	private final Outbox outbox;

	private final OutreachMailTemplates templates;

	QuarterDigestDelegate(WorkPlanSchedule schedule, QuarterDigest digest, IdentityService identity, Outbox outbox,
			OutreachMailTemplates templates) {
		this.schedule = schedule;
		this.digest = digest;
		this.identity = identity;
		this.outbox = outbox;
		this.templates = templates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		QuarterPeriod quarter = this.schedule
			.quarterOf(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()));
		execution.setVariable(QUARTER, quarter.quarter().name());
		execution.setVariable(QUARTER_FIRST_DAY, quarter.start().toString());
		RenderedMail mail = this.templates.render("quarter-digest", LANGUAGE, this.digest.model(quarter));
		for (User user : recipients()) {
			this.outbox.enqueue(new OutgoingMail(
					"workplan:" + quarter.quarter().name() + ":" + quarter.start() + ":" + user.getId(),
					"workplan-digest", user.getEmail(), LANGUAGE, mail.subject(), mail.text(), mail.html(),
					"workplan-" + quarter.start(), execution.getProcessInstanceId(), null));
		}
	}

	private List<User> recipients() {
		Map<String, User> users = new LinkedHashMap<>();
		for (String group : List.of(Groups.COORDINATORS, Groups.ANALYSIS_GROUP, Groups.ARTICLE5_COMMITTEE,
				Groups.ISU)) {
			for (User user : this.identity.createUserQuery().memberOfGroup(group).list()) {
				if (user.getEmail() != null && !user.getEmail().isBlank()) {
					users.putIfAbsent(user.getId(), user);
				}
			}
		}
		return List.copyOf(users.values());
	}

}
