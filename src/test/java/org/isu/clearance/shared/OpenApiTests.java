package org.isu.clearance.shared;

import org.isu.clearance.SignedIn;
import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class OpenApiTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void describesTheApiToSignedInUsersOnly() {
		ResponseEntity<String> docs = SignedIn.as(this.rest, "ag-member").getForEntity("/v3/api-docs", String.class);
		assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(docs.getBody()).contains("\"/api/extension-requests\"", "\"/api/extension-requests/{businessKey}\"",
				"\"/api/states\"", "\"basic\"");
		assertThat(SignedIn.as(this.rest, "coordinator").getForEntity("/swagger-ui/index.html", String.class).getBody())
			.contains("swagger-ui");
		// without an account: the login form, not the description
		assertThat(this.rest.getForEntity("/v3/api-docs", String.class).getBody()).doesNotContain("openapi")
			.contains("name=\"password\"");
		assertThat(this.rest.getForEntity("/swagger-ui/index.html", String.class).getBody())
			.contains("name=\"password\"");
	}

}
