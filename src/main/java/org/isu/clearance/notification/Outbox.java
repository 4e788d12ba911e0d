package org.isu.clearance.notification;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes e-mails to the outbox table in the caller's transaction (the engine's, when a
 * delegate or task listener calls it), at most once per idempotency key: a retried job, a
 * replayed timer or a second node never writes a second row. The {@link OutboxSender}
 * delivers the rows later.
 */
@Service
public class Outbox {

	private static final int MAX_SUBJECT = 300;

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final boolean postgres;

	private final Lock writtenLock = new ReentrantLock();

	private final Condition writtenCondition = this.writtenLock.newCondition();

	private long written;

	Outbox(JdbcClient jdbc, DataSource dataSource, MailTemplates templates) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.postgres = isPostgres(dataSource);
	}

	/**
	 * Writes a mail whose text is already composed (this package's tests and benchmarks;
	 * every feature writes through {@link #enqueue(TemplatedMail)}).
	 * @return whether the mail was new; {@code false} when its key was already written
	 */
	boolean enqueue(OutgoingMail mail) {
		if (mail.recipient() == null || mail.recipient().isBlank()) {
			return false;
		}
		Timestamp now = Timestamp.from(now());
		// PostgreSQL: two transactions racing on one key never fail, the second writes
		// nothing
		String insert = """
				insert into outbox_mail (idempotency_key, kind, recipient, language, requested_language, subject,
				  body_text, body_html, business_key, process_instance_id, task_id, status, attempts, created_at,
				  next_attempt_at)
				""" + (this.postgres ? """
				values (:key, :kind, :recipient, :language, :requestedLanguage, :subject, :text, :html, :businessKey,
				  :processInstanceId, :taskId, 'pending', 0, :now, :now)
				on conflict (idempotency_key) do nothing
				""" : """
				select :key, :kind, :recipient, :language, :requestedLanguage, :subject, :text, :html, :businessKey,
				  :processInstanceId, :taskId, 'pending', 0, :now, :now
				where not exists (select 1 from outbox_mail where idempotency_key = :key)
				""");
		int written = this.jdbc.sql(insert)
			.param("key", mail.idempotencyKey())
			.param("kind", mail.kind())
			.param("recipient", mail.recipient())
			.param("language", (mail.language() != null) ? mail.language() : MailTemplates.DEFAULT_LANGUAGE)
			.param("requestedLanguage", mail.requestedLanguage(), Types.VARCHAR)
			.param("subject", truncate(mail.subject(), MAX_SUBJECT))
			.param("text", mail.text())
			.param("html", mail.html(), Types.VARCHAR)
			.param("businessKey", mail.businessKey(), Types.VARCHAR)
			.param("processInstanceId", mail.processInstanceId(), Types.VARCHAR)
			.param("taskId", mail.taskId(), Types.VARCHAR)
			.param("now", now)
			.update();
		if (written == 1) {
			signalAfterCommit();
		}
		return written == 1;
	}

	/**
	 * How many mails this node wrote so far, counted once their transaction committed:
	 * what a sender reads before it claims, to {@link #awaitWritten wait} for more after.
	 */
	long written() {
		this.writtenLock.lock();
		try {
			return this.written;
		}
		finally {
			this.writtenLock.unlock();
		}
	}

	/**
	 * Waits until this node wrote a mail after {@code seen} was {@link #written() read},
	 * at most {@code max}; may return earlier ({@link #wakeWaiting()}, a spurious
	 * wake-up). Each mail written wakes one waiting sender.
	 */
	void awaitWritten(long seen, Duration max) throws InterruptedException {
		this.writtenLock.lock();
		try {
			if (this.written == seen) {
				this.writtenCondition.awaitNanos(max.toNanos());
			}
		}
		finally {
			this.writtenLock.unlock();
		}
	}

	/**
	 * Wakes every sender waiting in {@link #awaitWritten} (they stop).
	 */
	void wakeWaiting() {
		this.writtenLock.lock();
		try {
			this.writtenCondition.signalAll();
		}
		finally {
			this.writtenLock.unlock();
		}
	}

	/**
	 * Counts a mail written, once the caller's transaction committed (a sender woken
	 * earlier would not see it yet), at once without one.
	 */
	private void signalAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					signalWritten();
				}

			});
		}
		else {
			signalWritten();
		}
	}

	private void signalWritten() {
		this.writtenLock.lock();
		try {
			this.written++;
			this.writtenCondition.signal();
		}
		finally {
			this.writtenLock.unlock();
		}
	}

	/**
	 * The one way the features write a mail: renders it from its templates
	 * ({@code classpath:mail/{template}.txt} and {@code .html}) in the language
	 * {@link MailTemplates#language(String, String)} chooses for the recipient's
	 * preferred one, and writes it, at most once per key, recording both languages.
	 * @return whether the mail was new; {@code false} when its key was already written
	 */
	public boolean enqueue(TemplatedMail mail) {
		if (mail.recipient() == null || mail.recipient().isBlank() || exists(mail.idempotencyKey())) {
			return false;
		}
		return enqueueNew(mail);
	}

	/**
	 * Whether a mail with this key was written (in this transaction or before it).
	 */
	boolean written(String idempotencyKey) {
		return exists(idempotencyKey);
	}

	/**
	 * {@link #enqueue(TemplatedMail)} for a caller that has just found the key unwritten
	 * ({@link #written}) in the same transaction: the insert itself still writes nothing
	 * when the key was written meanwhile.
	 */
	boolean enqueueNew(TemplatedMail mail) {
		if (mail.recipient() == null || mail.recipient().isBlank()) {
			return false;
		}
		MailTemplates.Rendered rendered = this.templates.render(mail.template(), mail.language(), mail.model());
		boolean written = enqueue(new OutgoingMail(mail.idempotencyKey(), mail.kind(), mail.recipient(),
				rendered.language().used(), rendered.language().requested(), rendered.subject(), rendered.text(),
				rendered.html(), mail.businessKey(), mail.processInstanceId(), mail.taskId()));
		if (written) {
			for (MailAttachment attachment : mail.attachments()) {
				this.jdbc
					.sql("insert into outbox_attachment (idempotency_key, document_id, filename, content_type)"
							+ " values (?, ?, ?, ?)")
					.params(mail.idempotencyKey(), attachment.documentId(), attachment.filename(),
							attachment.contentType())
					.update();
			}
		}
		return written;
	}

	/**
	 * The files a mail carries, by its idempotency key.
	 */
	public List<MailAttachment> attachments(String idempotencyKey) {
		return this.jdbc
			.sql("select document_id, filename, content_type from outbox_attachment where idempotency_key = ?"
					+ " order by id")
			.param(idempotencyKey)
			.query((rs, row) -> new MailAttachment(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The files of several mails, by their idempotency keys (one query); mails without
	 * files are left out.
	 */
	Map<String, List<MailAttachment>> attachments(List<String> idempotencyKeys) {
		if (idempotencyKeys.isEmpty()) {
			return Map.of();
		}
		Map<String, List<MailAttachment>> attachments = new HashMap<>();
		this.jdbc.sql("""
				select idempotency_key, document_id, filename, content_type from outbox_attachment
				where idempotency_key in (:keys) order by id
				""")
			.param("keys", idempotencyKeys)
			.query((rs, row) -> attachments.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
				.add(new MailAttachment(rs.getLong(2), rs.getString(3), rs.getString(4))))
			.list();
		return attachments;
	}

	/**
	 * The mails written for a request, oldest first: what other modules read of the
	 * outbox (its table is this module's).
	 */
	public List<RequestMail> mailsOf(String businessKey) {
		return this.jdbc.sql("""
				select kind, recipient, language, subject, status, created_at, sent_at from outbox_mail
				where business_key = ? order by created_at, id
				""")
			.param(businessKey)
			.query((rs, row) -> new RequestMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
			.list();
	}

	private static java.time.Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One mail of a request: its kind, recipient, language used, subject, status and when
	 * it was written and sent.
	 */
	public record RequestMail(String kind, String recipient, String language, String subject, String status,
			java.time.Instant createdAt, java.time.Instant sentAt) {

	}

	/**
	 * Keeps a request's mails that wait to be sent as a historical record that is never
	 * sent (status {@code historical}, shown on {@code /mail} as not sent): for a past
	 * cycle replayed as history, in the caller's transaction, before it commits, so that
	 * no sender ever sees them pending.
	 * @return how many mails were kept
	 */
	public int keepAsHistorical(String businessKey, String processInstanceId) {
		return this.jdbc.sql("""
				update outbox_mail set status = 'historical'
				where status = 'pending' and (business_key = :businessKey or process_instance_id = :instance)
				""").param("businessKey", businessKey).param("instance", processInstanceId).update();
	}

	public long count(String businessKey) {
		return this.jdbc.sql("select count(*) from outbox_mail where business_key = ?")
			.param(businessKey)
			.query(Long.class)
			.single();
	}

	/**
	 * What waits and what failed, for monitoring.
	 */
	public OutboxStatistics statistics() {
		Instant now = now();
		return this.jdbc.sql("""
				select sum(case when status in ('pending', 'sending') then 1 else 0 end) as pending,
				  sum(case when status = 'failed' then 1 else 0 end) as failed,
				  min(case when status in ('pending', 'sending') then created_at end) as oldest
				from outbox_mail
				""").query((rs, row) -> {
			Timestamp oldest = rs.getTimestamp("oldest");
			Duration age = (oldest != null) ? Duration.between(oldest.toInstant(), now) : Duration.ZERO;
			return new OutboxStatistics(rs.getLong("pending"), rs.getLong("failed"),
					age.isNegative() ? Duration.ZERO : age);
		}).single();
	}

	List<OutboxRow> list(String status, String kind, String businessKey, int limit) {
		StringBuilder sql = new StringBuilder("select * from outbox_mail where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			sql.append(" and status = :status");
			params.put("status", status);
		}
		if (kind != null) {
			sql.append(" and kind = :kind");
			params.put("kind", kind);
		}
		if (businessKey != null) {
			sql.append(" and upper(business_key) like :businessKey");
			params.put("businessKey", "%" + businessKey.toUpperCase(java.util.Locale.ROOT) + "%");
		}
		sql.append(" order by created_at desc, id desc fetch first :limit rows only");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(OutboxRow::of).list();
	}

	Optional<OutboxRow> find(long id) {
		return this.jdbc.sql("select * from outbox_mail where id = ?").param(id).query(OutboxRow::of).optional();
	}

	List<String> kinds() {
		return this.jdbc.sql("select distinct kind from outbox_mail order by kind").query(String.class).list();
	}

	/**
	 * Gives a failed mail one more attempt, at once.
	 * @return whether the mail was failed and is now pending again
	 */
	boolean retry(long id) {
		boolean retried = this.jdbc.sql("""
				update outbox_mail set status = 'pending', next_attempt_at = :now
				where id = :id and status = 'failed'
				""").param("now", Timestamp.from(now())).param("id", id).update() == 1;
		if (retried) {
			signalAfterCommit();
		}
		return retried;
	}

	boolean isPostgres() {
		return this.postgres;
	}

	private boolean exists(String key) {
		return this.jdbc.sql("select count(*) from outbox_mail where idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0;
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			return false;
		}
	}

	/**
	 * A mail written from its templates.
	 *
	 * @param idempotencyKey deterministic key, e.g.
	 * {@code overdue:{taskId}:{dueDate}:{n}}
	 * @param kind the kind of mail as {@code /mail} lists it, e.g.
	 * {@code watch-final-reminder}; the template's name unless told otherwise
	 * @param template its templates, e.g. {@code task-assigned}
	 * @param recipient one address
	 * @param language the recipient's preferred language (a code such as {@code ar} or
	 * {@code fr}, null for none): the mail goes out in it where its template exists in
	 * it, otherwise in English
	 * @param model the templates' variables
	 * @param attachments documents the mail carries (read when it is sent)
	 */
	public record TemplatedMail(String idempotencyKey, String kind, String template, String recipient, String language,
			Map<String, ?> model, String businessKey, String processInstanceId, String taskId,
			List<MailAttachment> attachments) {

		public TemplatedMail {
			kind = (kind != null) ? kind : template;
			model = (model != null) ? model : Map.of();
			attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		}

		public TemplatedMail(String idempotencyKey, String template, String recipient, String language,
				Map<String, ?> model, String businessKey, String processInstanceId, String taskId,
				List<MailAttachment> attachments) {
			this(idempotencyKey, template, template, recipient, language, model, businessKey, processInstanceId, taskId,
					attachments);
		}

		public TemplatedMail(String idempotencyKey, String template, String recipient, String language,
				Map<String, ?> model, String businessKey, String processInstanceId, String taskId) {
			this(idempotencyKey, template, recipient, language, model, businessKey, processInstanceId, taskId,
					List.of());
		}

		/**
		 * A mail of a kind of its own to a recipient, in the recipient's language.
		 */
		public static TemplatedMail to(Recipients.Recipient recipient, String idempotencyKey, String kind,
				String template, Map<String, ?> model, String businessKey, String processInstanceId) {
			return new TemplatedMail(idempotencyKey, kind, template, recipient.email(), recipient.language(), model,
					businessKey, processInstanceId, null, List.of());
		}

	}

}
