package org.isu.clearance.notification;

/**
 * One e-mail to one recipient, identified by a deterministic idempotency key: the same
 * key is written to the outbox only once, however often the step that causes it runs.
 *
 * @param language the language it is written in
 * @param requestedLanguage the recipient's preferred language, null for none (see
 * {@link MailLanguage})
 */
record OutgoingMail(String idempotencyKey, String kind, String recipient, String language, String requestedLanguage,
		String subject, String text, String html, String businessKey, String processInstanceId, String taskId) {

	OutgoingMail {
		subject = singleLine(subject);
		recipient = singleLine(recipient);
	}

	/**
	 * A mail whose recipient asked for the language it is written in.
	 */
	OutgoingMail(String idempotencyKey, String kind, String recipient, String language, String subject, String text,
			String html, String businessKey, String processInstanceId, String taskId) {
		this(idempotencyKey, kind, recipient, language, language, subject, text, html, businessKey, processInstanceId,
				taskId);
	}

	/**
	 * No CR or LF may reach a header: user text in a subject never adds a header line.
	 */
	static String singleLine(String value) {
		return (value == null) ? null : value.replaceAll("[\\r\\n\\t\\u0000-\\u001f]+", " ").strip();
	}

}
