package org.isu.clearance.outreach;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ModuleEvents;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.outreach.DeadlineWatchProcess.CONTACT_ON;
import static org.isu.clearance.outreach.DeadlineWatchProcess.SUBMISSION_DUE;
import static org.isu.clearance.outreach.OutreachFixtures.ccmState;
import static org.isu.clearance.outreach.OutreachFixtures.clock;

/**
 * The outreach module with the modules it needs and its own model only: registering a
 * State whose deadline approaches starts its deadline watch, through the registry's
 * event, with the contact and submission dates of the calendar.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/deadline-watch.bpmn,classpath*:forms/**/*.form" })
class OutreachModuleTests {

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void registeringAStateStartsItsDeadlineWatch() {
		clock("2026-06-01T10:00:00");
		this.registry.createState(ccmState("GUY", "2028-11-01", Language.en));
		ModuleEvents.awaitListeners(this.context);

		ProcessInstance watch = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("watch-CCM-GUY-15MSP")
			.singleResult();
		assertThat(watch).isNotNull();
		assertThat(this.runtime.getVariable(watch.getId(), CONTACT_ON)).isEqualTo("2027-03-15");
		assertThat(this.runtime.getVariable(watch.getId(), SUBMISSION_DUE)).isEqualTo("2027-12-15");
	}

}
