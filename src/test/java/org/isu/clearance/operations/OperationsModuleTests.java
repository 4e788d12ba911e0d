package org.isu.clearance.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.notification.MailVariables;
import org.isu.clearance.notification.Outbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations module with the modules it needs and no process model: the gauges of the
 * engine's jobs and of the outbox are served, and the resubmission of incomplete events
 * runs on one node at a time.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "clearance.operations.event-resubmission.interval=PT1H")
class OperationsModuleTests {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private Outbox outbox;

	@Autowired
	private EventResubmission resubmission;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void servesTheGaugesAndResubmitsOnOneNodeAtATime() {
		this.outbox.enqueue(new Outbox.TemplatedMail("operations-module-test", "state-acknowledgement",
				"focal@example.org", "en",
				Map.of(MailVariables.STATE_NAME, "Palau", MailVariables.CONVENTION, "CCM", MailVariables.MEETING_CODE,
						"15MSP", "requestLabel", "Palau (CCM, 15MSP)", "submittedOn", "2026-11-02", "requestedDeadline",
						"2031-06-01", "meetingFirstDay", "2027-09-13"),
				"CCM-PLW-15MSP", null, null));
		assertThat(this.meters.get("clearance.outbox.mails").tag("status", "pending").gauge().value())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("camunda.jobs").tag("state", "failed").gauge().value()).isZero();

		this.jdbc.sql("update app_lock set locked_until = ?, locked_by = 'another-node' where name = ?")
			.params(Timestamp.from(Instant.now().plusSeconds(600)), EventResubmission.LOCK)
			.update();
		assertThat(this.resubmission.resubmit()).isEqualTo(-1);
		this.jdbc.sql("update app_lock set locked_until = ? where name = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), EventResubmission.LOCK)
			.update();
		assertThat(this.resubmission.resubmit()).isZero();
	}

}
