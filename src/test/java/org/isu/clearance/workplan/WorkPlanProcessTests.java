package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ProcessTest;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingInput;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.workplan.WorkPlanActivities.ActivityItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.isu.clearance.outreach.OutreachFixtures.*;
import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * {@code coordination-work-plan}: one instance per convention and cycle, waiting until
 * the cycle opens (the day after the previous meeting closes), then every activity of the
 * convention's plan a task of its owner group due at the end of its quarter counted back
 * from the meeting (never after its first day); moving a meeting realigns the cycle and
 * the open tasks; each quarter's digest lists exactly the tasks open in it.
 */
@ProcessTest(PROCESS_KEY)
@TestPropertySource(
		properties = { "clearance.workplan.start-cycles=true", "camunda.bpm.generate-unique-process-engine-name=true" })
class WorkPlanProcessTests {

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private Registry registry;

	@Autowired
	private WorkPlanCycles cycles;

	@Autowired
	private WorkPlanActivities activities;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theCcmCycleRunsQuarterByQuarterWithTheWorkingPaperAndADigestOfExactlyTheOpenTasks() {
		clock("2027-06-01T10:00:00");
		this.registry.createMeeting(new MeetingInput(Convention.CCM, "15MSP", MeetingKind.MSP,
				LocalDate.parse("2028-09-12"), LocalDate.parse("2028-09-15"), "Geneva", true, "test"));
		ProcessInstance plan = instance("WP-CCM-15MSP");
		assertThat(plan).isWaitingAt(TIMER_CYCLE_OPENS);
		assertThat(cycleTimer(plan).getDuedate()).isEqualTo(at("2027-09-18T00:00:00"));
		// the previous meeting moves: the cycle opens the day after it closes
		move("CCM", "14MSP", "2027-09-21", "2027-09-24");
		assertThat(cycleTimer(plan).getDuedate()).isEqualTo(at("2027-09-25T00:00:00"));
		this.cycles.reconcile(Convention.CCM);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("WP-CCM-15MSP").count())
			.isOne();
		assertThat(this.activities.cycle(meeting("CCM", "15MSP"), "en"))
			.allSatisfy((item) -> assertThat(item.status()).isEqualTo(WorkPlanActivities.PLANNED));

		fireExactlyAt(this.management, cycleTimer(plan), "2027-09-25T00:00:00");

		assertThat(dueDates(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"Discussion of priorities and activities with the CCM ISU", "2027-12-31T17:00",
				"Initial meetings with the ISU to discuss and analyse extension requests (December)",
				"2027-12-31T17:00", "Continued meetings with the Analysis Group and preliminary review of the requests",
				"2028-03-31T17:00",
				"Outreach to the CCM and APMBC gender focal points (best practices in gender mainstreaming)",
				"2028-03-31T17:00", "Additional Analysis Group meetings; final review of the requests",
				"2028-06-30T17:00", "Joint discussion with the CCM and APMBC gender focal points", "2028-06-30T17:00",
				"Report on the co-coordinators' activities up to the meeting", "2028-09-12T17:00",
				"Draft the working paper with the agencies", "2028-03-31T17:00"));
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(plan.getId())
			.taskCandidateGroup("gender-focal-points")
			.list()).extracting(Task::getName)
			.containsExactlyInAnyOrder(
					"Outreach to the CCM and APMBC gender focal points (best practices in gender mainstreaming)",
					"Joint discussion with the CCM and APMBC gender focal points");

		// Q4 (October-December 2027): the two meetings with the ISU
		clock("2027-10-01T08:00:00");
		assertThat(openInQuarter(Convention.CCM)).containsExactlyInAnyOrder("activity:priorities-with-isu",
				"activity:initial-meetings-with-isu");
		assertThatThrownBy(() -> complete(plan, "activity:priorities-with-isu", Map.of(OUTCOME_NOTE, "Agreed.")))
			.hasMessageContaining(HELD_ON);
		assertThatThrownBy(() -> complete(plan, "activity:priorities-with-isu",
				Map.of(OUTCOME_NOTE, "Agreed.", HELD_ON, "2027-12-24")))
			.hasMessageContaining("future");
		complete(plan, "activity:priorities-with-isu",
				Map.of(OUTCOME_NOTE, "Priorities agreed.", HELD_ON, "2027-10-01"));
		clock("2027-12-10T10:00:00");
		complete(plan, "activity:initial-meetings-with-isu",
				Map.of(OUTCOME_NOTE, "Requests discussed.", HELD_ON, "2027-12-09"));

		// Q1 2028: the Analysis Group, the gender focal points, the working paper's draft
		clock("2028-01-01T08:00:00");
		assertThat(openInQuarter(Convention.CCM)).containsExactlyInAnyOrder("activity:analysis-group-meetings",
				"activity:gender-focal-points-outreach", "step:draft");
		complete(plan, "activity:analysis-group-meetings",
				Map.of(OUTCOME_NOTE, "Preliminary review.", HELD_ON, "2027-12-31"));
		complete(plan, "activity:gender-focal-points-outreach", Map.of(OUTCOME_NOTE, "Best practices shared."));
		complete(plan, "step:draft", Map.of(OUTCOME_NOTE, "UNEP and GICHD consulted."));

		// Q2: the last Analysis Group meetings, the joint discussion, the paper finalised
		// and translated into the six languages
		clock("2028-04-01T08:00:00");
		assertThat(openInQuarter(Convention.CCM)).containsExactlyInAnyOrder(
				"activity:additional-analysis-group-meetings", "activity:gender-focal-points-joint-discussion",
				"step:finalise");
		sendDigest("2028-04-01");
		String digest = (String) Rows
			.of(this.jdbc, "select body_text from outbox_mail where business_key = ? and kind = 'workplan-digest'",
					"workplan-2028-04-01")
			.get(0)
			.get("BODY_TEXT");
		assertThat(digest)
			.contains("CCM, towards the 15MSP: Q2 of its cycle (2028-04-01 to 2028-06-30)",
					"Additional Analysis Group meetings; final review of the requests (coordinators), due 2028-06-30",
					"Joint discussion with the CCM and APMBC gender focal points (gender-focal-points)",
					"The working paper finalised (coordinators)")
			.doesNotContain("Discussion of priorities", "Outreach to the CCM and APMBC",
					"Report on the co-coordinators");
		complete(plan, "activity:additional-analysis-group-meetings",
				Map.of(OUTCOME_NOTE, "Final review.", HELD_ON, "2028-04-01"));
		complete(plan, "activity:gender-focal-points-joint-discussion",
				Map.of(OUTCOME_NOTE, "Joint statement.", HELD_ON, "2028-04-01"));
		complete(plan, "step:finalise", Map.of(OUTCOME_NOTE, "Final text."));
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(plan.getId())
			.taskDefinitionKey(TASK_TRANSLATE_WORKING_PAPER)
			.list())
			.extracting(Task::getName)
			.containsExactlyInAnyOrder("Translate the working paper (ar)", "Translate the working paper (zh)",
					"Translate the working paper (en)", "Translate the working paper (fr)",
					"Translate the working paper (ru)", "Translate the working paper (es)")
			.hasSize(6);
		assertThatThrownBy(() -> complete(plan, "translate:fr", Map.of(DOCUMENT_SYMBOL, " ")))
			.hasMessageContaining(DOCUMENT_SYMBOL);
		for (String language : List.of("ar", "zh", "en", "fr", "ru", "es")) {
			complete(plan, "translate:" + language, Map.of(DOCUMENT_SYMBOL, "CCM/MSP/2028/WP.1 (" + language + ")"));
		}

		// Q3: the official document, the presentation (due the meeting's first day), the
		// report
		clock("2028-07-01T08:00:00");
		assertThat(openInQuarter(Convention.CCM)).containsExactlyInAnyOrder("activity:co-coordinators-report",
				"step:submit");
		complete(plan, "step:submit", Map.of(DOCUMENT_SYMBOL, "CCM/MSP/2028/WP.1"));
		assertThat(dueDates(plan)).containsEntry("Present the working paper at the meeting", "2028-09-12T17:00");
		complete(plan, "activity:co-coordinators-report", Map.of(OUTCOME_NOTE, "Report submitted."));
		clock("2028-09-12T16:00:00");
		complete(plan, "step:present", Map.of(OUTCOME_NOTE, "Presented.", HELD_ON, "2028-09-12"));

		assertThat(plan).isEnded();
		List<ActivityItem> done = this.activities.cycle(meeting("CCM", "15MSP"), "fr");
		assertThat(done).allSatisfy((item) -> assertThat(item.status()).isEqualTo(WorkPlanActivities.DONE));
		assertThat(done).filteredOn((item) -> item.item().equals("activity:initial-meetings-with-isu"))
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.label()).startsWith("Premières réunions avec l'ISU");
				assertThat(item.heldOn()).isEqualTo("2027-12-09");
				assertThat(item.outcomeNote()).isEqualTo("Requests discussed.");
				assertThat(item.doneOn()).hasToString("2027-12-10");
			});
		assertThat(done).filteredOn((item) -> item.item().equals("translate:ru"))
			.singleElement()
			.satisfies((item) -> assertThat(item.documentSymbol()).isEqualTo("CCM/MSP/2028/WP.1 (ru)"));
		// a finished cycle is not started again
		this.cycles.reconcile(Convention.CCM);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("WP-CCM-15MSP").count())
			.isZero();
	}

	@Test
	void theApmbcCycleIsKeyedToItsOwnMeetingHasNoWorkingPaperAndFollowsTheMeetingWhenItMoves() {
		clock("2027-01-10T10:00:00");
		this.registry.createMeeting(new MeetingInput(Convention.APMBC, "24MSP", MeetingKind.MSP,
				LocalDate.parse("2027-11-29"), LocalDate.parse("2027-12-03"), "Geneva", true, "test"));
		ProcessInstance plan = instance("WP-APMBC-24MSP");
		// the 23MSP closed on 4 December 2026
		fireExactlyAt(this.management, cycleTimer(plan), "2026-12-05T00:00:00");
		// a late-November meeting: Q4 is January-March, Q3 October-December
		assertThat(dueDates(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"Outreach to the CCM and APMBC gender focal points (best practices in gender mainstreaming)",
				"2027-06-30T17:00", "Joint discussion with the CCM and APMBC gender focal points", "2027-09-30T17:00"));
		assertThat(plan).hasPassed("Gateway_WorkingPaperDone");
		clock("2027-04-01T08:00:00");
		assertThat(openInQuarter(Convention.APMBC)).containsExactly("activity:gender-focal-points-outreach");

		move("APMBC", "24MSP", "2027-09-20", "2027-09-24");

		assertThat(dueDates(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"Outreach to the CCM and APMBC gender focal points (best practices in gender mainstreaming)",
				"2027-03-31T17:00", "Joint discussion with the CCM and APMBC gender focal points", "2027-06-30T17:00"));
		assertThat(this.activities.cycle(meeting("APMBC", "24MSP"), "en"))
			.filteredOn((item) -> item.item().equals("activity:gender-focal-points-outreach"))
			.singleElement()
			.satisfies((item) -> assertThat(item.status()).isEqualTo(WorkPlanActivities.OVERDUE));
		assertThat(openInQuarter(Convention.APMBC)).containsExactly("activity:gender-focal-points-joint-discussion");
		complete(plan, "activity:gender-focal-points-outreach", Map.of(OUTCOME_NOTE, "Contacted."));
		complete(plan, "activity:gender-focal-points-joint-discussion",
				Map.of(OUTCOME_NOTE, "Discussed.", HELD_ON, "2027-03-30"));
		assertThat(plan).isEnded();
	}

	@Test
	void aMeetingThatNoLongerDecidesEndsItsWorkPlan() {
		clock("2027-01-10T10:00:00");
		this.registry.createMeeting(new MeetingInput(Convention.CCM, "4RC", MeetingKind.RC,
				LocalDate.parse("2031-09-15"), LocalDate.parse("2031-09-19"), "Geneva", true, "test"));
		ProcessInstance plan = instance("WP-CCM-4RC");
		assertThat(plan).isWaitingAt(TIMER_CYCLE_OPENS);
		this.registry.updateMeeting(Convention.CCM, "4RC",
				new MeetingInput(Convention.CCM, "4RC", MeetingKind.INTERSESSIONAL, LocalDate.parse("2031-09-15"),
						LocalDate.parse("2031-09-19"), "Geneva", true, "test"));
		assertThat(plan).isEnded();
	}

	private ProcessInstance instance(String businessKey) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
		assertThat(instance).as(businessKey).isNotNull();
		return instance;
	}

	private Job cycleTimer(ProcessInstance plan) {
		return this.management.createJobQuery()
			.processInstanceId(plan.getId())
			.activityId(TIMER_CYCLE_OPENS)
			.singleResult();
	}

	private Meeting meeting(String convention, String code) {
		return this.registry.meeting(Convention.valueOf(convention), code);
	}

	private void move(String convention, String code, String firstDay, String lastDay) {
		Meeting meeting = meeting(convention, code);
		this.registry.updateMeeting(meeting.convention(), code,
				new MeetingInput(meeting.convention(), code, meeting.kind(), LocalDate.parse(firstDay),
						LocalDate.parse(lastDay), meeting.venue(), meeting.provisional(), "test"));
	}

	/** Each open task's name and due date (local, to the minute). */
	private Map<String, String> dueDates(ProcessInstance plan) {
		return this.tasks.createTaskQuery()
			.processInstanceId(plan.getId())
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getName,
					(task) -> java.time.LocalDateTime
						.ofInstant(task.getDueDate().toInstant(), java.time.ZoneId.systemDefault())
						.toString(),
					(a, b) -> a, TreeMap::new));
	}

	private List<String> openInQuarter(Convention convention) {
		LocalDate today = LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
				java.time.ZoneId.systemDefault());
		return this.activities.quarterOf(convention, today, "en")
			.orElseThrow()
			.open()
			.stream()
			.map(ActivityItem::item)
			.toList();
	}

	private void complete(ProcessInstance plan, String item, Map<String, Object> values) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(plan.getId())
			.list()
			.stream()
			.filter((open) -> item.equals(this.tasks.getVariableLocal(open.getId(), ITEM)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open task " + item));
		this.tasks.complete(task.getId(), values);
	}

	private void sendDigest(String day) {
		ProcessInstance digest = this.runtime.createProcessInstanceByKey("work-plan-quarter")
			.startBeforeActivity("Task_SendQuarterDigest")
			.execute();
		runAsyncSteps(this.management, digest.getId());
	}

}
