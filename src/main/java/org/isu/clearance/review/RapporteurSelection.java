package org.isu.clearance.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.camunda.bpm.engine.IdentityService;
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

	private final IdentityService identity;

	private final ReviewBodies bodies;

	RapporteurSelection(IdentityService identity, ReviewBodies bodies) {
		this.identity = identity;
		this.bodies = bodies;
	}

	/**
	 * The member of the convention's reviewing body with the lightest workload.
	 * @param workload how many open requests a member is rapporteur of (the request
	 * module counts them)
	 */
	public Optional<String> choose(Convention convention, ToLongFunction<String> workload) {
		List<User> members = this.identity.createUserQuery().memberOfGroup(this.bodies.group(convention)).list();
		return members.stream()
			.map(User::getId)
			.min(Comparator.comparingLong(workload).thenComparing(Comparator.naturalOrder()));
	}

}
