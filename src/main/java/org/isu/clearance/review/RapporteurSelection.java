package org.isu.clearance.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.isu.clearance.registry.Convention;

import org.springframework.stereotype.Service;

/**
 * Chooses the rapporteur of a new request: the member of the convention's reviewing body
 * (the CCM's Analysis Group, the APMBC's Committee on Article 5 Implementation) with the
 * fewest open requests, ties broken by user id.
 */
@Service
public class RapporteurSelection {

	static final String PROCESS_KEY = "extension-request";

	static final String RAPPORTEUR = "rapporteur";

	private final IdentityService identity;

	private final RuntimeService runtime;

	private final ReviewBodies bodies;

	RapporteurSelection(IdentityService identity, RuntimeService runtime, ReviewBodies bodies) {
		this.identity = identity;
		this.runtime = runtime;
		this.bodies = bodies;
	}

	public Optional<String> choose(Convention convention) {
		List<User> members = this.identity.createUserQuery().memberOfGroup(this.bodies.group(convention)).list();
		return members.stream()
			.map(User::getId)
			.min(Comparator.comparingLong(this::openRequests).thenComparing(Comparator.naturalOrder()));
	}

	public long openRequests(String userId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.variableValueEquals(RAPPORTEUR, userId)
			.count();
	}

}
