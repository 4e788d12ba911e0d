package org.isu.clearance.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox through {@link MailConnections}. Each poll claims a batch of due
 * rows in a short transaction ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, and on every
 * database an update that succeeds only while the row is still as read), so two nodes
 * never send the same row; then sends them one by one through one SMTP connection and
 * records each outcome as soon as it is known. Several senders do so in parallel. A
 * failed attempt is retried with exponential backoff until the maximum number of
 * attempts; an address that cannot be valid fails at once. Neither blocks the other rows.
 * A row whose sender died while holding it is taken up again after the claim timeout, so
 * delivery is at least once; the idempotency key keeps the outbox itself free of
 * duplicates.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int MAX_ERROR = 2000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MailConnections connections;

	private final DeliveryProperties delivery;

	private final String from;

	private final boolean postgres;

	private final ExecutorService workers;

	private final Outbox outbox;

	private final ObjectProvider<AttachmentContent> attachmentContent;

	/** The senders {@link #start()} started, each delivering until {@link #stop()}. */
	private List<Thread> continuous;

	private volatile boolean stopping;

	/**
	 * A sender for mails without attachments (tests).
	 */
	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailConnections connections,
			DeliveryProperties delivery, NotificationProperties notification, Outbox outbox) {
		this(jdbc, transactionManager, connections, delivery, notification, outbox,
				new StaticListableBeanFactory().getBeanProvider(AttachmentContent.class));
	}

	@Autowired
	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailConnections connections,
			DeliveryProperties delivery, NotificationProperties notification, Outbox outbox,
			ObjectProvider<AttachmentContent> attachmentContent) {
		this.outbox = outbox;
		this.attachmentContent = attachmentContent;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.connections = connections;
		this.delivery = delivery;
		this.from = notification.from();
		this.postgres = outbox.isPostgres();
		this.workers = Executors.newFixedThreadPool(delivery.senders(), (task) -> {
			Thread thread = new Thread(task, "outbox-sender");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Claims one batch of due rows and sends them one by one through one connection to
	 * the mail server, recording each as sent as soon as the server accepted it.
	 * @return how many rows this call claimed
	 */
	int deliverDue() {
		return deliverBatch().claimed();
	}

	private Batch deliverBatch() {
		List<Row> claimed = this.transactions.execute((status) -> claim());
		List<Path> copies = new ArrayList<>();
		try {
			return deliver(claimed, copies);
		}
		finally {
			// the attachments' verified copies
			for (Path copy : copies) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					// the temporary directory's own cleanup takes it
				}
			}
		}
	}

	private Batch deliver(List<Row> claimed, List<Path> copies) {
		Deque<Map.Entry<Row, MimeMessage>> unsent = new ArrayDeque<>();
		Map<String, List<MailAttachment>> attachments = this.outbox
			.attachments(claimed.stream().map(Row::idempotencyKey).toList());
		for (Row row : claimed) {
			try {
				unsent.add(Map.entry(row,
						message(row, attachments.getOrDefault(row.idempotencyKey(), List.of()), copies)));
			}
			catch (AddressException ex) {
				markFailed(row, "invalid address: " + ex.getMessage(), true);
			}
			catch (MessagingException ex) {
				markFailed(row, describe(ex), false);
			}
		}
		MailConnections.Connection connection = null;
		boolean unreachable = false;
		boolean failed = false;
		try {
			while (!unsent.isEmpty()) {
				// asked only after a failed mail: isOpen() costs a round trip to the
				// server (SMTP NOOP)
				if (connection == null || (failed && !connection.isOpen())) {
					// the first mail of the batch, or the server closed the connection
					// after a failed one: (re)connect for the rest
					close(connection);
					connection = null;
					try {
						connection = this.connections.open();
					}
					catch (MessagingException | RuntimeException ex) {
						unreachable = notConnected(unsent, ex);
						break;
					}
				}
				Map.Entry<Row, MimeMessage> next = unsent.peek();
				Exception error = null;
				try {
					connection.send(next.getValue());
				}
				catch (MessagingException | RuntimeException ex) {
					error = ex;
				}
				if (error != null && serverUnreachable(error)) {
					unreachable = notConnected(unsent, error);
					break;
				}
				// one mail at a time, recorded as sent as soon as the server took it: a
				// node that dies mid-batch leaves at most the mail in flight to be sent
				// again
				unsent.poll();
				failed = error != null;
				if (error == null) {
					markSent(next.getKey());
				}
				else {
					markFailed(next.getKey(), describe(error), rejectedRecipient(error));
				}
			}
		}
		finally {
			close(connection);
		}
		return new Batch(claimed.size(), unreachable);
	}

	/**
	 * No connection to the mail server: an unreachable server holds back the rest of the
	 * batch without failing any mail however long it lasts; a server that refuses the
	 * session (e.g. the credentials) counts as a failed attempt of each mail.
	 * @return whether the server was unreachable
	 */
	private boolean notConnected(Deque<Map.Entry<Row, MimeMessage>> unsent, Exception error) {
		boolean unreachable = serverUnreachable(error);
		if (unreachable) {
			String reason = "mail server unreachable: " + describe(error);
			unsent.forEach((entry) -> retryLater(entry.getKey(), reason, false,
					this.delivery.outageBackoffAfter(entry.getKey().attempts())));
		}
		else {
			unsent.forEach((entry) -> markFailed(entry.getKey(), describe(error), false));
		}
		unsent.clear();
		return unreachable;
	}

	private static void close(MailConnections.Connection connection) {
		if (connection != null) {
			connection.close();
		}
	}

	/**
	 * Delivers until nothing is due any more, with the configured number of concurrent
	 * senders (each with its own batches and SMTP connection).
	 */
	void deliverAllDue() {
		if (this.delivery.senders() == 1) {
			drain();
			return;
		}
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < this.delivery.senders(); i++) {
			workers.add(this.workers.submit(this::drain));
		}
		for (Future<?> worker : workers) {
			try {
				worker.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}
	}

	private void drain() {
		Batch batch;
		do {
			batch = deliverBatch();
		}
		// while the server cannot be reached, one batch per poll is enough to notice its
		// return
		while (batch.claimed() == this.delivery.batchSize() && !batch.serverUnreachable());
	}

	/**
	 * Starts the configured number of senders, each delivering until {@link #stop()}:
	 * batch after batch while they come back full, otherwise as soon as this node wrote
	 * another mail (after its transaction committed) or after the poll interval (mails
	 * other nodes wrote, retries that fell due), whichever comes first. While the mail
	 * server cannot be reached a sender tries one batch per poll interval.
	 */
	synchronized void start() {
		if (this.continuous != null) {
			return;
		}
		this.continuous = new ArrayList<>();
		for (int i = 0; i < this.delivery.senders(); i++) {
			Thread thread = new Thread(this::deliverContinuously, "outbox-sender-" + (i + 1));
			thread.setDaemon(true);
			this.continuous.add(thread);
			thread.start();
		}
	}

	private void deliverContinuously() {
		Duration poll = this.delivery.pollInterval();
		while (!this.stopping) {
			try {
				// read before claiming: a mail written during the batch is not waited for
				long seen = this.outbox.written();
				Batch batch = deliverBatch();
				if (batch.serverUnreachable()) {
					pause(poll);
				}
				else if (batch.claimed() < this.delivery.batchSize() && !this.stopping) {
					this.outbox.awaitWritten(seen, poll);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the database may be briefly unreachable; the next poll tries again
				log.warn("Outbox delivery failed: {}", ex.getMessage());
				try {
					pause(poll);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Waits {@code duration}, or less once the senders are stopping.
	 */
	private void pause(Duration duration) throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		for (long left = duration.toNanos(); left > 0 && !this.stopping; left = end - System.nanoTime()) {
			Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
		}
	}

	/**
	 * Stops the senders: each finishes the batch it holds (recording each mail's outcome;
	 * not interrupted, which could fail the record of a mail the server took) for up to
	 * ten seconds, so that a node shut down leaves no claimed mail waiting for the claim
	 * timeout.
	 */
	@PreDestroy
	synchronized void stop() {
		this.workers.shutdownNow();
		this.stopping = true;
		if (this.continuous != null) {
			this.outbox.wakeWaiting();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			for (Thread sender : this.continuous) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				try {
					sender.join(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
	}

	private List<Row> claim() {
		Instant now = Outbox.now();
		Timestamp claimEnds = Timestamp.from(now.plus(this.delivery.claimTimeout()));
		if (this.postgres) {
			// one statement: rows another sender holds are skipped, not waited for
			return this.jdbc.sql("""
					update outbox_mail set status = 'sending', attempts = attempts + 1, next_attempt_at = :claimEnds
					where id in (select id from outbox_mail
					  where status in ('pending', 'sending') and next_attempt_at <= :now
					  order by next_attempt_at, id
					  fetch first :batch rows only
					  for update skip locked)
					returning id, idempotency_key, recipient, subject, body_text, body_html, status, attempts,
					  next_attempt_at
					""")
				.param("claimEnds", claimEnds)
				.param("now", Timestamp.from(now))
				.param("batch", this.delivery.batchSize())
				.query(OutboxSender::row)
				.list()
				.stream()
				.sorted(java.util.Comparator.comparingLong(Row::id))
				.toList();
		}
		List<Row> candidates = this.jdbc.sql("""
				select id, idempotency_key, recipient, subject, body_text, body_html, status, attempts, next_attempt_at
				from outbox_mail
				where status in ('pending', 'sending') and next_attempt_at <= :now
				order by next_attempt_at, id
				fetch first :batch rows only
				""")
			.param("now", Timestamp.from(now))
			.param("batch", this.delivery.batchSize())
			.query(OutboxSender::row)
			.list();
		List<Row> claimed = new ArrayList<>();
		for (Row row : candidates) {
			// succeeds only while the row is still as read: another sender that read it
			// too
			// updates nothing
			int updated = this.jdbc.sql("""
					update outbox_mail set status = 'sending', attempts = attempts + 1, next_attempt_at = :claimEnds
					where id = :id and status = :status and attempts = :attempts and next_attempt_at = :seen
					""")
				.param("claimEnds", claimEnds)
				.param("id", row.id())
				.param("status", row.status())
				.param("attempts", row.attempts())
				.param("seen", row.nextAttemptAt())
				.update();
			if (updated == 1) {
				claimed.add(row.claimed());
			}
		}
		return claimed;
	}

	private static Row row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("status"),
				rs.getInt("attempts"), rs.getTimestamp("next_attempt_at"));
	}

	private MimeMessage message(Row row, List<MailAttachment> attachments, List<Path> copies)
			throws MessagingException {
		InternetAddress recipient = address(row.recipient());
		MimeMessage message = this.connections.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, row.html() != null || !attachments.isEmpty(),
				StandardCharsets.UTF_8.name());
		helper.setFrom(address(this.from));
		helper.setTo(recipient);
		helper.setSubject(OutgoingMail.singleLine(row.subject()));
		// the same Message-ID on every attempt: should a mail go out twice (the server
		// took
		// it, then this node died before recording it), mail clients show it once
		message.setHeader("Message-ID", messageId(row.idempotencyKey(), this.from));
		if (row.html() != null) {
			helper.setText(row.text(), row.html());
		}
		else {
			helper.setText(row.text());
		}
		// the documents it carries, each read (and its checksum verified) now
		for (MailAttachment attachment : attachments) {
			AttachmentContent content = this.attachmentContent.getIfAvailable();
			if (content == null) {
				throw new MessagingException("no source for the attachment " + attachment.filename());
			}
			try {
				Path copy = content.verifiedCopy(attachment.documentId());
				copies.add(copy);
				helper.addAttachment(attachment.filename(), new FileSystemResource(copy), attachment.contentType());
			}
			catch (IOException | RuntimeException ex) {
				throw new MessagingException("attachment " + attachment.filename() + " unreadable: " + ex.getMessage());
			}
		}
		return message;
	}

	/**
	 * A Message-ID that follows from the outbox row's idempotency key alone, in the
	 * domain of the sender address.
	 */
	static String messageId(String idempotencyKey, String from) {
		String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest, 0, 20) + ".outbox@"
					+ (domain.isEmpty() ? "localhost" : domain) + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * One syntactically valid address, nothing else: no second address, no header.
	 */
	static InternetAddress address(String value) throws AddressException {
		if (value == null || value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new AddressException("control character in address", value);
		}
		InternetAddress[] parsed = InternetAddress.parse(value, true);
		if (parsed.length != 1 || parsed[0].getPersonal() != null || !value.strip().equals(parsed[0].getAddress())) {
			throw new AddressException("not a single plain address", value);
		}
		parsed[0].validate();
		return parsed[0];
	}

	private void markSent(Row row) {
		this.jdbc.sql("""
				update outbox_mail set status = 'sent', sent_at = :now, last_error = null
				where id = :id and status = 'sending'
				""").param("now", Timestamp.from(Outbox.now())).param("id", row.id()).update();
	}

	static boolean serverUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
					|| cause instanceof java.net.NoRouteToHostException
					|| cause.getClass().getSimpleName().equals("MailConnectException")) {
				return true;
			}
		}
		return false;
	}

	private void markFailed(Row row, String error, boolean permanent) {
		retryLater(row, error, permanent || row.attempts() >= this.delivery.maxAttempts(),
				this.delivery.backoffAfter(row.attempts()));
	}

	private void retryLater(Row row, String error, boolean giveUp, Duration backoff) {
		Instant next = Outbox.now().plus(backoff);
		this.jdbc.sql("""
				update outbox_mail set status = :status, last_error = :error, next_attempt_at = :next
				where id = :id and status = 'sending'
				""")
			.param("status", giveUp ? "failed" : "pending")
			.param("error", Outbox.truncate(error, MAX_ERROR))
			.param("next", Timestamp.from(next))
			.param("id", row.id())
			.update();
		if (giveUp) {
			log.warn("Mail {} to {} failed for good after {} attempt(s): {}", row.id(), row.recipient(), row.attempts(),
					error);
		}
		else {
			log.info("Mail {} not delivered (attempt {}), next attempt at {}: {}", row.id(), row.attempts(), next,
					error);
		}
	}

	private static boolean rejectedRecipient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName()).append(": ").append(ex.getMessage());
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != ex) {
			text.append(" (")
				.append(root.getClass().getSimpleName())
				.append(": ")
				.append(root.getMessage())
				.append(')');
		}
		return OutgoingMail.singleLine(text.toString());
	}

	private record Batch(int claimed, boolean serverUnreachable) {

	}

	private record Row(long id, String idempotencyKey, String recipient, String subject, String text, String html,
			String status, int attempts, Timestamp nextAttemptAt) {

		Row claimed() {
			return new Row(this.id, this.idempotencyKey, this.recipient, this.subject, this.text, this.html, "sending",
					this.attempts + 1, this.nextAttemptAt);
		}

	}

}
