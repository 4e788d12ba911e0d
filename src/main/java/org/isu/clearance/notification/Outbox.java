package org.isu.clearance.notification;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes e-mails to the outbox table in the caller's transaction (the engine's, when a
 * delegate calls it), at most once per idempotency key.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the mail was new; {@code false} when its key was already written
	 */
	public boolean enqueue(OutgoingMail mail) {
		Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
		int rows = this.jdbc.sql("""
				insert into outbox_mail (idempotency_key, kind, recipient, language, subject, body_text, body_html,
				  business_key, process_instance_id, task_id, status, attempts, created_at, next_attempt_at)
				select :key, :kind, :recipient, :language, :subject, :text, :html, :businessKey, :processInstanceId,
				  :taskId, 'pending', 0, :now, :now
				where not exists (select 1 from outbox_mail where idempotency_key = :key)
				""")
			.param("key", mail.idempotencyKey())
			.param("kind", mail.kind())
			.param("recipient", mail.recipient())
			.param("language", mail.language())
			.param("subject", truncate(mail.subject(), 300))
			.param("text", mail.text())
			.param("html", mail.html(), java.sql.Types.VARCHAR)
			.param("businessKey", mail.businessKey(), java.sql.Types.VARCHAR)
			.param("processInstanceId", mail.processInstanceId(), java.sql.Types.VARCHAR)
			.param("taskId", mail.taskId(), java.sql.Types.VARCHAR)
			.param("now", now)
			.update();
		return rows == 1;
	}

	public long count(String businessKey) {
		return this.jdbc.sql("select count(*) from outbox_mail where business_key = ?")
			.param(businessKey)
			.query(Long.class)
			.single();
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
