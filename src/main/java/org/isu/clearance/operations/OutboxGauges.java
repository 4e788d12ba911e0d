package org.isu.clearance.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the mail outbox ({@code outbox_mail}) holds: mails waiting to be sent, mails given
 * up on, and how long the oldest waiting mail has waited.
 */
@Component
class OutboxGauges {

	private final JdbcClient jdbc;

	OutboxGauges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long pending() {
		return this.jdbc.sql("select count(*) from outbox_mail where status in ('pending', 'sending')")
			.query(Long.class)
			.single();
	}

	long failed() {
		return this.jdbc.sql("select count(*) from outbox_mail where status = 'failed'").query(Long.class).single();
	}

	/** Seconds since the oldest waiting mail was written; 0 when none waits. */
	double oldestPendingAgeSeconds() {
		Timestamp oldest = this.jdbc
			.sql("select min(created_at) from outbox_mail where status in ('pending', 'sending')")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0)
				: 0;
	}

}
