package org.isu.clearance.shared;

import java.util.Map;

import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on ids that do not exist answer 404 through Camunda's REST API, not the 500
 * the engine's REST layer gives them.
 */
@ApplicationTest
class UnknownIdTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void completingAnUnknownTaskIs404() {
		ResponseEntity<String> response = this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/engine-rest/task/no-such-task/complete", Map.of("variables", Map.of()), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).contains("no-such-task");
	}

}
