package org.isu.clearance.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.TasklistSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords over HTTP: the client is throttled (429 with {@code Retry-After}) on
 * every login path, the account itself is never locked in the engine, and an
 * administrator lifts the lock.
 */
@ApplicationTest
class LoginThrottleHttpTests {

	private static final String PROBE = "throttle-probe";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private IdentityService identity;

	@Autowired
	private LoginThrottle throttle;

	@BeforeEach
	void aUserOfTheIsu() {
		if (this.identity.createUserQuery().userId(PROBE).count() == 0) {
			User user = this.identity.newUser(PROBE);
			user.setPassword("the-right-one");
			user.setEmail("probe@example.org");
			this.identity.saveUser(user);
			this.identity.createMembership(PROBE, Groups.ISU);
		}
	}

	@AfterEach
	void liftEverything() {
		this.throttle.locks().forEach((lock) -> this.throttle.lift(lock.client(), null));
		this.identity.deleteUser(PROBE);
	}

	@Test
	void wrongPasswordsThrottleTheClientNotTheAccount() {
		for (int i = 0; i < 5; i++) {
			assertThat(status(this.rest.withBasicAuth(PROBE, "wrong-" + i).getForEntity("/api/states", String.class)))
				.isEqualTo(401);
		}
		ResponseEntity<String> throttled = this.rest.withBasicAuth(PROBE, "the-right-one")
			.getForEntity("/api/states", String.class);
		assertThat(throttled.getStatusCode().value()).isEqualTo(429);
		assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(
				status(this.rest.withBasicAuth(PROBE, "the-right-one").getForEntity("/engine-rest/task", String.class)))
			.isEqualTo(429);
		assertThat(TasklistSession.login(this.rest, PROBE, "the-right-one").loginResponse().getStatusCode().value())
			.isEqualTo(429);
		// the engine never locked the account: another client signs in
		assertThat(this.identity.checkPassword(PROBE, "the-right-one")).isTrue();

		ResponseEntity<List> locks = this.rest.withBasicAuth("demo-admin", "demo")
			.getForEntity("/api/admin/login-locks", List.class);
		assertThat(locks.getBody()).isNotEmpty();
		String client = (String) ((java.util.Map<?, ?>) locks.getBody().get(0)).get("client");
		assertThat(status(this.rest.withBasicAuth("demo-admin", "demo")
			.exchange("/api/admin/login-locks?client=" + client + "&userId=" + PROBE, HttpMethod.DELETE, null,
					String.class)))
			.isEqualTo(200);
		assertThat(status(this.rest.withBasicAuth(PROBE, "the-right-one").getForEntity("/api/states", String.class)))
			.isEqualTo(200);
	}

	@Test
	void theWebappsLoginCountsToo() {
		for (int i = 0; i < 5; i++) {
			assertThat(TasklistSession.login(this.rest, PROBE, "wrong-" + i).loginResponse().getStatusCode().value())
				.isEqualTo(401);
		}
		assertThat(TasklistSession.login(this.rest, PROBE, "the-right-one").loginResponse().getStatusCode().value())
			.isEqualTo(429);
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

}
