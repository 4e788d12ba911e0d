package org.isu.clearance.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Health and metrics as operators and load balancers see them. The mail server here is a
 * closed port: {@code /actuator/health} reports it, while readiness (what a load balancer
 * asks) stays up because mails wait in the outbox. Tests switch metrics export off unless
 * asked ({@link AutoConfigureObservability}).
 */
@ApplicationTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=9",
		// a context of its own: its engine must not take the shared one's place in
		// Camunda's static registry
		"camunda.bpm.generate-unique-process-engine-name=true" })
class OperationsEndpointsTests {

	private static final String KEY_PREFIX = "operations-test:";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@AfterEach
	void removeTestMails() {
		this.jdbc.sql("delete from outbox_mail where idempotency_key like ?").param(KEY_PREFIX + "%").update();
	}

	@Test
	void healthShowsDatabaseMailAndJobExecutorAndReadinessIgnoresTheMailServer() {
		ResponseEntity<String> anonymous = this.rest.getForEntity("/actuator/health", String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(anonymous.getBody())
			.contains("\"db\":{\"status\":\"UP\"}", "\"mail\":{\"status\":\"DOWN\"}",
					"\"jobExecutor\":{\"status\":\"UNKNOWN\"}")
			.doesNotContain("executableJobs");

		ResponseEntity<String> readiness = this.rest.getForEntity("/actuator/health/readiness", String.class);
		assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(readiness.getBody()).contains("\"db\"", "\"jobExecutor\"").doesNotContain("\"mail\"");

		ResponseEntity<String> coordinator = this.rest.withBasicAuth("coordinator", "demo")
			.getForEntity("/actuator/health", String.class);
		assertThat(coordinator.getBody()).contains("\"executableJobs\"", "\"failedJobs\"", "\"enabled\":false",
				"\"database\"");
	}

	@Test
	void infoShowsTheBuildAndNoJdkToAnonymousCallers() {
		ResponseEntity<String> info = this.rest.getForEntity("/actuator/info", String.class);
		assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(info.getBody()).contains("\"build\"", "\"artifact\":\"clearance-extensions\"")
			.doesNotContain("\"java\"", "\"jvm\"", "\"os\"");
	}

	@Test
	void prometheusNeedsACoordinatorOrAnAdministrator() {
		assertThat(this.rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("demo-admin", "demo")
			.getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void prometheusShowsTheOutboxBacklogAndItsAge() {
		double pendingBefore = gauge("clearance_outbox_mails{status=\"pending\"}");
		double failedBefore = gauge("clearance_outbox_mails{status=\"failed\"}");
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		mail("a", "pending", hourAgo);
		mail("b", "pending", Instant.now());
		mail("c", "failed", Instant.now());
		mail("d", "sent", hourAgo.minus(Duration.ofHours(5)));

		assertThat(gauge("clearance_outbox_mails{status=\"pending\"}")).isEqualTo(pendingBefore + 2);
		assertThat(gauge("clearance_outbox_mails{status=\"failed\"}")).isEqualTo(failedBefore + 1);
		assertThat(gauge("clearance_outbox_oldest_pending_age_seconds")).isCloseTo(3600, within(120.0));
	}

	@Test
	void prometheusShowsTheEnginesJobsAndThisNodesJobExecutor() {
		double executableBefore = gauge("camunda_jobs{state=\"executable\"}");
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/api/states",
					Map.of("convention", "CCM", "code", "NOR", "name", "Norway", "entryIntoForce", "2010-08-01",
							"clearanceDeadline", "2028-11-01", "focalPointEmail", "focal@example.org",
							"preferredLanguage", "en"),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map> started = this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/api/extension-requests", Map.of("convention", "CCM", "stateCode", "NOR",
					"requestedDeadline", "2031-11-01", "submittedOn", "2026-11-20"), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		try {
			// the acknowledgement letter waits as a job: the executor is off in tests
			assertThat(gauge("camunda_jobs{state=\"executable\"}")).isGreaterThan(executableBefore)
				.isEqualTo(this.management.createJobQuery().executable().count());
			assertThat(gauge("camunda_jobs{state=\"failed\"}"))
				.isEqualTo(this.management.createJobQuery().noRetriesLeft().count());
			assertThat(gauge("camunda_job_executor_active")).isZero();
		}
		finally {
			this.runtime.deleteProcessInstance((String) started.getBody().get("processInstanceId"), "test over");
		}
	}

	private void mail(String key, String status, Instant createdAt) {
		this.jdbc.sql("""
				insert into outbox_mail (idempotency_key, kind, recipient, language, subject, body_text, status,
				  attempts, created_at, next_attempt_at)
				values (?, 'test', 'someone@example.org', 'en', 'Test', 'Test', ?, 0, ?, ?)
				""").params(KEY_PREFIX + key, status, Timestamp.from(createdAt), Timestamp.from(createdAt)).update();
	}

	private double gauge(String series) {
		String body = this.rest.withBasicAuth("coordinator", "demo").getForObject("/actuator/prometheus", String.class);
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
		assertThat(matcher.find()).as(series + " in\n" + body).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
