package org.isu.clearance.operations;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.ClearanceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile as it runs: on its own PostgreSQL database (see
 * {@code ScratchDatabase}), configured through the environment variables of
 * {@code docker-compose.yml}, behind a TLS proxy (simulated by
 * {@code X-Forwarded-Proto: https}). No demo users, secure cookies, security headers on
 * the application's pages and on Camunda's, a limit on query results.
 */
class ProductionProfileTests {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_prod");

	private static final String ADMIN = "isu-admin";

	private static final String ADMIN_PASSWORD = "a-strong-password-for-tests";

	private static ConfigurableApplicationContext context;

	private static RestClient client;

	@BeforeAll
	static void start() throws SQLException {
		context = new SpringApplicationBuilder(ClearanceApplication.class).profiles("prod")
			.properties(Map.of("DB_URL", DATABASE.url(), "DB_USER", "postgres", "ADMIN_USER", ADMIN, "ADMIN_PASSWORD",
					ADMIN_PASSWORD, "SMTP_HOST", "127.0.0.1", "SMTP_PORT", "9", "server.port", "0",
					"camunda.bpm.generate-unique-process-engine-name", "true", "camunda.bpm.job-execution.enabled",
					"false"))
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("X-Forwarded-Proto", "https")
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@AfterAll
	static void stop() throws SQLException {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void applicationPagesCarrySecurityHeadersAndSecureCookies() {
		ResponseEntity<String> login = client.get().uri("/login").retrieve().toEntity(String.class);
		assertThat(login.getStatusCode().value()).isEqualTo(200);
		HttpHeaders headers = login.getHeaders();
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'",
				"frame-ancestors 'none'");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
		List<String> cookies = headers.getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).isNotEmpty().allSatisfy((cookie) -> assertThat(cookie).contains("Secure", "HttpOnly"));
	}

	@Test
	void camundaWebappsCarrySecurityHeadersWithHsts() {
		ResponseEntity<String> tasklist = client.get()
			.uri("/camunda/app/tasklist/" + engineName() + "/")
			.retrieve()
			.toEntity(String.class);
		assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
		assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(tasklist.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000",
				"includeSubDomains");
	}

	@Test
	void hasNoDemoUsersButTheAdministrator() {
		assertThat(client.get()
			.uri("/api/meetings")
			.headers((h) -> h.setBasicAuth("isu-officer", "demo"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(client.get()
			.uri(engineRest() + "/user/count?id=demo-admin")
			.headers((h) -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
			.retrieve()
			.body(String.class)).isEqualTo("{\"count\":0}");
	}

	@Test
	void limitsQueryResults() {
		ResponseEntity<String> tooMany = client.get()
			.uri(engineRest() + "/task?maxResults=5000")
			.headers((h) -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
			.retrieve()
			.toEntity(String.class);
		assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
		assertThat(tooMany.getBody()).contains("Max results limit of 2000 exceeded");
	}

	@Test
	void actuatorAnswersWithoutDetailsToStrangers() {
		ResponseEntity<String> health = client.get()
			.uri("/actuator/health/readiness")
			.retrieve()
			.toEntity(String.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).contains("\"db\"").doesNotContain("PostgreSQL");
		assertThat(client.get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(401);
		assertThat(client.get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void staffCreatedByTheAdministratorStartARequest() {
		user("prod-officer", "isu");
		user("prod-rapporteur", "analysis-group");
		RestClient officer = client.mutate()
			.defaultHeaders((h) -> h.setBasicAuth("prod-officer", ADMIN_PASSWORD))
			.build();
		assertThat(officer.post()
			.uri("/api/states")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("convention", "CCM", "code", "NOR", "name", "Norway", "entryIntoForce", "2010-08-01",
					"clearanceDeadline", "2028-11-01", "focalPointEmail", "focal@example.org", "preferredLanguage",
					"en"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(201);
		ResponseEntity<String> started = officer.post()
			.uri("/api/extension-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("convention", "CCM", "stateCode", "NOR", "requestedDeadline", "2031-11-01", "submittedOn",
					"2026-11-20"))
			.retrieve()
			.toEntity(String.class);
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
		assertThat(started.getBody()).contains("CCM-NOR-");
		ResponseEntity<String> tasks = client.mutate()
			.defaultHeaders((h) -> h.setBasicAuth("prod-rapporteur", ADMIN_PASSWORD))
			.build()
			.get()
			.uri("/api/tasks")
			.retrieve()
			.toEntity(String.class);
		assertThat(tasks.getStatusCode().value()).as(tasks.getBody()).isEqualTo(200);
	}

	private static void user(String id, String group) {
		RestClient admin = client.mutate().defaultHeaders((h) -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD)).build();
		ResponseEntity<String> created = admin.post()
			.uri(engineRest() + "/user/create")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("profile", Map.of("id", id, "firstName", id, "lastName", "Test", "email", id + "@example.org"),
					"credentials", Map.of("password", ADMIN_PASSWORD)))
			.retrieve()
			.toEntity(String.class);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(204);
		assertThat(admin.put()
			.uri(engineRest() + "/group/" + group + "/members/" + id)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	/** The REST API of this test's engine, which has a unique name. */
	private static String engineRest() {
		return "/engine-rest/engine/" + engineName();
	}

	private static String engineName() {
		return context.getBean(ProcessEngine.class).getName();
	}

}
