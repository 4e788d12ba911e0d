package org.isu.clearance.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.isu.clearance.demo.DemoUsers.DemoUser;
import org.isu.clearance.demo.SampleStates.SampleState;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo users and sample States Parties for the default run. Idempotent: what exists is
 * left as it is (a demo user's changed password stays changed), so it is safe on every
 * restart. Never active in the {@code prod} profile.
 */
@Component
@ConditionalOnProperty(prefix = "clearance.demo", name = "enabled", havingValue = "true")
class DemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final IdentityService identityService;

	private final Registry registry;

	private final DemoProperties properties;

	DemoData(IdentityService identityService, Registry registry, DemoProperties properties) {
		this.identityService = identityService;
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public StartupStep step() {
		return StartupStep.DEMO_DATA;
	}

	@Override
	public void run() {
		DemoUsers.ALL.forEach(this::ensureUser);
		SampleStates.ALL.forEach(this::ensureState);
	}

	private void ensureUser(DemoUser demo) {
		if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
			User user = this.identityService.newUser(demo.id());
			user.setFirstName(demo.firstName());
			user.setLastName(demo.lastName());
			user.setEmail(demo.email());
			user.setPassword(this.properties.password());
			this.identityService.saveUser(user);
			log.info("Created demo user {} in group {}", demo.id(), demo.group());
		}
		if (this.identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
			this.identityService.createMembership(demo.id(), demo.group());
		}
	}

	private void ensureState(SampleState sample) {
		StatePartyInput state = sample.state();
		if (this.registry.findState(state.convention(), state.code()).isPresent()) {
			return;
		}
		this.registry.createState(state);
		sample.extensions()
			.forEach((extension) -> this.registry.recordExtension(state.convention(), state.code(), extension));
	}

}
