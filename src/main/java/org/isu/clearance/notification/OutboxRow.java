package org.isu.clearance.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * One row of the outbox as the {@code /mail} page shows it.
 *
 * @param language the language the mail is written in
 * @param requestedLanguage the recipient's preferred language, null for none (or for a
 * mail written before it was recorded)
 */
record OutboxRow(long id, String idempotencyKey, String kind, String recipient, String language,
		String requestedLanguage, String subject, String text, String html, String businessKey,
		String processInstanceId, String taskId, String status, int attempts, String lastError, LocalDateTime createdAt,
		LocalDateTime nextAttemptAt, LocalDateTime sentAt) {

	static OutboxRow of(ResultSet rs, int row) throws SQLException {
		return new OutboxRow(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
				rs.getString("recipient"), rs.getString("language"), rs.getString("requested_language"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("task_id"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
				local(rs.getTimestamp("created_at")), local(rs.getTimestamp("next_attempt_at")),
				local(rs.getTimestamp("sent_at")));
	}

	public MailLanguage mailLanguage() {
		return new MailLanguage(this.requestedLanguage, this.language);
	}

	/**
	 * E.g. {@code Sent in English: no Arabic template} when the mail fell back to
	 * English; null otherwise.
	 */
	public String languageNote() {
		return mailLanguage().note();
	}

	/**
	 * The status as {@code /mail} shows it: {@code not sent (historical record)} for a
	 * mail of a past cycle replayed as history, the status itself otherwise.
	 */
	public String statusLabel() {
		return "historical".equals(this.status) ? "not sent (historical record)" : this.status;
	}

	private static LocalDateTime local(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
