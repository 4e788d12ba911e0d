package org.isu.clearance.workplan;

import java.time.LocalDate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ModuleEvents;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.MeetingInput;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.outreach.OutreachFixtures.at;
import static org.isu.clearance.outreach.OutreachFixtures.clock;

/**
 * The work-plan module with the modules it needs and its own models only: a meeting that
 * decides extension requests gets its coordinators' work plan, waiting for its cycle to
 * open the day after the previous meeting closes, every activity of the plan planned.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "clearance.workplan.start-cycles=true", "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/coordination-work-plan.bpmn,"
				+ "classpath*:bpmn/work-plan-quarter.bpmn,classpath*:forms/**/*.form" })
class WorkPlanModuleTests {

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private WorkPlanActivities activities;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aDecidingMeetingGetsItsWorkPlan() {
		clock("2027-06-01T10:00:00");
		this.registry.createMeeting(new MeetingInput(Convention.CCM, "15MSP", MeetingKind.MSP,
				LocalDate.parse("2028-09-12"), LocalDate.parse("2028-09-15"), "Geneva", true, "module test"));
		ModuleEvents.awaitListeners(this.context);

		ProcessInstance plan = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(CoordinationWorkPlan.PROCESS_KEY)
			.processInstanceBusinessKey("WP-CCM-15MSP")
			.singleResult();
		assertThat(plan).isNotNull();
		assertThat(this.management.createJobQuery()
			.processInstanceId(plan.getId())
			.activityId(CoordinationWorkPlan.TIMER_CYCLE_OPENS)
			.singleResult()
			.getDuedate()).isEqualTo(at("2027-09-18T00:00:00"));
		assertThat(this.activities.cycle(this.registry.meeting(Convention.CCM, "15MSP"), "en")).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.status()).isEqualTo(WorkPlanActivities.PLANNED));
	}

}
