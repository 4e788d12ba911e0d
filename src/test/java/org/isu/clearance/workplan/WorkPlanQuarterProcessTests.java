package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ProcessTest;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.isu.clearance.outreach.OutreachFixtures.*;

/**
 * {@code work-plan-quarter}: the digest goes out on the first day of each quarter at the
 * configured time, not a minute before, to every member of the three groups once, with
 * each convention's open work-plan tasks of the quarter (WorkPlanProcessTests) and the
 * open requests' stages and due dates in the quarter.
 */
@ProcessTest(WorkPlanQuarterProcessTests.PROCESS_KEY)
class WorkPlanQuarterProcessTests {

	static final String PROCESS_KEY = "work-plan-quarter";

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private WorkPlanSchedule schedule;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void quartersStartOnTheirFirstDayCountedTowardsTheNextMeeting() {
		assertThat(this.schedule.cron()).isEqualTo("0 0 8 1 1,4,7,10 *");
		assertThat(this.schedule.quarterOf(LocalDate.parse("2026-11-23"))).satisfies((quarter) -> {
			assertThat(quarter.quarter().name()).isEqualTo("Q4");
			assertThat(quarter.start()).hasToString("2026-10-01");
			assertThat(quarter.lastDay()).hasToString("2026-12-31");
		});
		assertThat(this.schedule.quarterOf(LocalDate.parse("2027-01-01")).quarter().name()).isEqualTo("Q1");
		assertThat(this.schedule.quarterOf(LocalDate.parse("2027-06-30")).quarter().name()).isEqualTo("Q2");
		assertThat(this.schedule.quarterOf(LocalDate.parse("2027-07-01")).lastDay()).hasToString("2027-09-30");
	}

	@Test
	void theDigestGoesOutOnTheQuarterFirstDayWithTheQuarterActivitiesAndTheOpenRequests() {
		// a late request for the 14MSP (opening 14 September 2027): its State's answers
		// are due 14 May 2027 and the final review 14 June 2027, both in Q2
		clock("2027-03-20T10:00:00");
		this.registry.createState(ccmState("GRD", "2028-03-01", Language.en));
		String request = this.requests.start(Map.of(ExtensionRequestProcess.CONVENTION, "CCM",
				ExtensionRequestProcess.STATE_CODE, "GRD", ExtensionRequestProcess.REQUESTED_DEADLINE, "2031-03-01",
				ExtensionRequestProcess.SUBMITTED_ON, "2027-03-20", ExtensionRequestProcess.SUMMARY, "More time."))
			.processInstanceId();
		runAsyncSteps(this.management, request);
		Job start = startTimer();
		this.management.recalculateJobDuedate(start.getId(), false);

		fireExactlyAt(this.management, startTimer(), "2027-04-01T08:00:00");
		runDigestSteps();

		List<Map<String, Object>> digests = digests("workplan-2027-04-01");
		assertThat(digests).extracting((mail) -> mail.get("RECIPIENT"))
			.doesNotHaveDuplicates()
			.hasSize(recipients())
			.contains("coordinator@example.org", "ag-member@example.org", "ag-member2@example.org",
					"committee-member@example.org", "isu-officer@example.org")
			.doesNotContain("demo-admin@example.org");
		String body = (String) digests.get(0).get("BODY_TEXT");
		assertThat(digests.get(0).get("SUBJECT")).isEqualTo("Work plan Q2: 2027-04-01 to 2027-06-30");
		assertThat(body)
			.contains("CCM, towards the 14MSP: Q2 of its cycle (2027-04-01 to 2027-06-30)", "none open",
					"CCM 14MSP (opens 2027-09-14", "State GRD (CCM-GRD-14MSP): Completeness check", "2027-05-14",
					"2027-06-14")
			.doesNotContain("2027-08-17");
		assertThat((String) digests.get(0).get("BODY_HTML")).contains("<td>State GRD</td>");
		// the next digest waits for the next quarter
		assertThat(startTimer().getDuedate()).isEqualTo(at("2027-07-01T08:00:00"));
		this.runtime.deleteProcessInstance(request, "test over");
	}

	@Test
	void theSameDigestStepRunTwiceWritesOneMailPerPerson() {
		clock("2027-10-01T08:00:00");
		startDigestStep();
		startDigestStep();

		assertThat(digests("workplan-2027-10-01")).hasSize(recipients())
			.allSatisfy((mail) -> assertThat(mail.get("SUBJECT")).isEqualTo("Work plan Q4: 2027-10-01 to 2027-12-31"));
	}

	/**
	 * Every member of coordinators, analysis-group or isu with an e-mail address, once.
	 */
	private int recipients() {
		return (int) java.util.stream.Stream.of("coordinators", "analysis-group", "article5-committee", "isu")
			.flatMap((group) -> this.engine.getIdentityService().createUserQuery().memberOfGroup(group).list().stream())
			.filter((user) -> user.getEmail() != null && !user.getEmail().isBlank())
			.map(org.camunda.bpm.engine.identity.User::getId)
			.distinct()
			.count();
	}

	private void startDigestStep() {
		ProcessInstance instance = this.runtime.createProcessInstanceByKey(PROCESS_KEY)
			.startBeforeActivity("Task_SendQuarterDigest")
			.execute();
		runAsyncSteps(this.management, instance.getId());
		assertThat(instance).isEnded();
	}

	private Job startTimer() {
		return this.management.createJobQuery().processDefinitionKey(PROCESS_KEY).timers().singleResult();
	}

	private void runDigestSteps() {
		this.management.createJobQuery()
			.processDefinitionKey(PROCESS_KEY)
			.messages()
			.list()
			.forEach((job) -> this.management.executeJob(job.getId()));
	}

	private List<Map<String, Object>> digests(String businessKey) {
		return Rows.of(this.jdbc,
				"select recipient, subject, body_text, body_html from outbox_mail where business_key = ? and kind = 'workplan-digest'",
				businessKey);
	}

}
