package org.isu.clearance.outreach;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ProcessTest;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Article7ReportInput;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.isu.clearance.outreach.DeadlineWatchProcess.*;
import static org.isu.clearance.outreach.OutreachFixtures.*;

/**
 * {@code article7-reminders}: once a year, 30 and 7 days before 30 April at 09:00 and not
 * a minute before, the focal point of every State Party whose report for the reporting
 * year is missing is reminded, in its language (English, French, Spanish), otherwise in
 * English.
 */
@ProcessTest(ARTICLE7_PROCESS_KEY)
class Article7ReminderProcessTests {

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private Registry registry;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void remindersGoOut30And7DaysBefore30AprilOnceAYear() {
		clock("2027-02-01T10:00:00");
		this.management.recalculateJobDuedate(startTimer().getId(), false);
		long states = this.registry.states(Convention.CCM).size() + this.registry.states(Convention.APMBC).size();

		fireExactlyAt(this.management, startTimer(), "2027-03-31T09:00:00");
		ProcessInstance season = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ARTICLE7_PROCESS_KEY)
			.singleResult();
		runAsyncSteps(this.management, season.getId());
		assertThat(season).isWaitingAt(TIMER_ARTICLE7_FINAL).variables().containsEntry(REPORT_DUE, "2027-04-30");
		// the next season waits a year
		assertThat(startTimer().getDuedate()).isEqualTo(at("2028-03-31T09:00:00"));

		// Germany's report covering 2026 arrives: the final reminder leaves it out
		this.registry.recordArticle7(Convention.CCM, "DEU", 2026, new Article7ReportInput(true, true, false));
		fireExactlyAt(this.management, timer(season), "2027-04-23T09:00:00");
		runAsyncSteps(this.management, season.getId());

		assertThat(season).isEnded()
			.hasPassedInOrder(TASK_ARTICLE7_FIRST, TIMER_ARTICLE7_FINAL, TASK_ARTICLE7_FINAL, END_ARTICLE7);
		List<Map<String, Object>> mails = mails();
		assertThat(mails).filteredOn((mail) -> "article7-first-reminder".equals(mail.get("KIND")))
			.hasSize((int) states);
		assertThat(mails).filteredOn((mail) -> "article7-final-reminder".equals(mail.get("KIND")))
			.hasSize((int) states - 1)
			.noneMatch((mail) -> "focal-point.deu@example.org".equals(mail.get("RECIPIENT")));
		// Chad prefers French, Germany English
		assertThat(mails).filteredOn((mail) -> "focal-point.tcd@example.org".equals(mail.get("RECIPIENT")))
			.extracting((mail) -> mail.get("SUBJECT"))
			.containsExactlyInAnyOrder(
					"Rappel : rapport de transparence de Chad au titre de l'article 7 (CCM) attendu le 2027-04-30",
					"Dernier rappel : rapport de transparence de Chad au titre de l'article 7 (CCM) attendu le 2027-04-30");
		// Chile prefers Spanish; Iraq Arabic, in which the letter does not exist:
		// English,
		// and the outbox records that it fell back
		assertThat(mails).filteredOn((mail) -> "focal-point.chl@example.org".equals(mail.get("RECIPIENT")))
			.hasSize(2)
			.allSatisfy((mail) -> {
				assertThat(mail).containsEntry("LANGUAGE", "es").containsEntry("REQUESTED_LANGUAGE", "es");
				assertThat((String) mail.get("SUBJECT")).endsWith(
						"informe de transparencia de Chile en virtud del artículo 7 (CCM), previsto para el 2027-04-30");
				assertThat((String) mail.get("BODY_TEXT")).startsWith("Estimado punto focal:")
					.contains("correspondiente al año civil 2026");
			});
		assertThat(mails).filteredOn((mail) -> "focal-point.irq@example.org".equals(mail.get("RECIPIENT")))
			.hasSize(2)
			.allSatisfy((mail) -> {
				assertThat(mail).containsEntry("LANGUAGE", "en").containsEntry("REQUESTED_LANGUAGE", "ar");
				assertThat((String) mail.get("SUBJECT"))
					.endsWith("CCM Article 7 transparency report of Iraq due 2027-04-30");
			});
		assertThat(mails).filteredOn((mail) -> "focal-point.deu@example.org".equals(mail.get("RECIPIENT")))
			.extracting((mail) -> (String) mail.get("BODY_TEXT"))
			.allSatisfy((body) -> assertThat(body).contains("covering the calendar year 2026", "by 2027-04-30"));
	}

	@Test
	void theSameReminderStepRunTwiceWritesOneMailPerFocalPoint() {
		clock("2029-03-31T09:00:00");
		for (int run = 0; run < 2; run++) {
			ProcessInstance season = this.runtime.createProcessInstanceByKey(ARTICLE7_PROCESS_KEY)
				.startBeforeActivity(TASK_ARTICLE7_FIRST)
				.execute();
			runAsyncSteps(this.management, season.getId());
			this.runtime.deleteProcessInstance(season.getId(), "test over");
		}

		long states = this.registry.states(Convention.CCM).size() + this.registry.states(Convention.APMBC).size();
		assertThat(this.jdbc.sql("select count(*) from outbox_mail where business_key = 'article7-2029'")
			.query(Long.class)
			.single()).isEqualTo(states);
	}

	private Job startTimer() {
		return this.management.createJobQuery()
			.processDefinitionKey(ARTICLE7_PROCESS_KEY)
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
	}

	private Job timer(ProcessInstance season) {
		return this.management.createJobQuery()
			.processInstanceId(season.getId())
			.activityId(TIMER_ARTICLE7_FINAL)
			.timers()
			.singleResult();
	}

	private List<Map<String, Object>> mails() {
		return Rows.of(this.jdbc,
				"select kind, recipient, language, requested_language, subject, body_text from outbox_mail where business_key = 'article7-2027'");
	}

}
