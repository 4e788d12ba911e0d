package org.isu.clearance.review;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Convention;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review module alone with the process engine: it knows each convention's reviewing
 * body and picks a rapporteur among the body's members by the workload the caller counts,
 * without knowing any process.
 */
@ModuleTest
class ReviewModuleTests {

	@Autowired
	private RapporteurSelection selection;

	@Autowired
	private ReviewBodies bodies;

	@Autowired
	private IdentityService identity;

	@Test
	void picksTheCommitteeMemberWithTheLightestWorkload() {
		String committee = this.bodies.group(Convention.APMBC);
		if (this.identity.createGroupQuery().groupId(committee).count() == 0) {
			this.identity.saveGroup(this.identity.newGroup(committee));
		}
		for (String id : new String[] { "review-a", "review-b", "review-c" }) {
			User user = this.identity.newUser(id);
			user.setPassword("module-test-password");
			this.identity.saveUser(user);
			this.identity.createMembership(id, committee);
		}
		Map<String, Long> workload = Map.of("review-a", 3L, "review-b", 1L, "review-c", 1L);

		assertThat(this.selection.choose(Convention.APMBC, (user) -> workload.getOrDefault(user, 0L)))
			.contains("review-b");
		assertThat(this.selection.choose(Convention.CCM, (user) -> 0L)).isEmpty();
		assertThat(this.bodies.groupOf("APMBC")).isEqualTo("article5-committee");
		assertThat(this.bodies.name(Convention.APMBC, "fr")).isEqualTo("Comité sur la mise en œuvre de l'article 5");
	}

}
