package org.isu.clearance.demo;

import org.camunda.bpm.engine.IdentityService;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.identity.Groups;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo module with the modules it needs, the start-up list and no process model: its
 * start-up step registers the sample States Parties and the demo users the README names,
 * each in their group.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "startup")
class DemoModuleTests {

	@Autowired
	private Registry registry;

	@Autowired
	private IdentityService identity;

	@Test
	void registersTheSampleStatesAndTheDemoUsers() {
		assertThat(this.registry.states(Convention.CCM)).isNotEmpty();
		assertThat(this.registry.states(Convention.APMBC)).isNotEmpty();
		assertThat(this.identity.createUserQuery().userId("isu-officer").count()).isOne();
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.ANALYSIS_GROUP).count()).isPositive();
	}

}
