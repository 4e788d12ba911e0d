package org.isu.clearance.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery through a real SMTP server (GreenMail on a free loopback port): content,
 * recipients, language and links arrive; SMTP down leaves rows pending with growing
 * attempts and backoff, and each is delivered once when it is back; an undeliverable or
 * header-injecting address ends as failed without blocking the others.
 */
@ApplicationTest
class MailDeliveryTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DeliveryProperties delivery;

	@Autowired
	private NotificationProperties notification;

	/**
	 * The sender as {@code spring.mail.host} would configure it, here pointing at
	 * GreenMail and driven by the tests (so the application context stays the one every
	 * other test shares).
	 */
	private OutboxSender sender;

	@Autowired
	private IdentityService identity;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private Registry registry;

	@Autowired
	private ManagementService management;

	@Autowired
	private TaskService tasks;

	@Autowired
	private RuntimeService runtime;

	private DeliveryProperties threeAttempts;

	private MailConnections smtpClient;

	@BeforeEach
	void setUp() {
		this.jdbc.sql("delete from outbox_mail").update();
		JavaMailSenderImpl smtpClient = new JavaMailSenderImpl();
		smtpClient.setHost("127.0.0.1");
		smtpClient.setPort(SMTP_PORT);
		this.smtpClient = new JakartaMailConnections(smtpClient);
		this.threeAttempts = new DeliveryProperties(false, this.delivery.pollInterval(), this.delivery.batchSize(),
				this.delivery.senders(), 3, this.delivery.initialBackoff(), this.delivery.backoffMultiplier(),
				this.delivery.maxBackoff(), this.delivery.claimTimeout(), this.delivery.outageBackoff());
		this.sender = new OutboxSender(this.jdbc, this.transactionManager, this.smtpClient, this.threeAttempts,
				this.notification, this.outbox);
	}

	@AfterEach
	void tearDown() {
		this.sender.stop();
		this.jdbc.sql("delete from outbox_mail").update();
		ClockUtil.reset();
	}

	@Test
	void aTemplatedMailArrivesAsTextAndHtmlInTheRecipientsLanguage() throws Exception {
		this.outbox.enqueue(new Outbox.TemplatedMail("test:assigned:1", "task-assigned", "ag-member@example.org", "fr",
				Map.of("taskName", "Examen final", "stateName", "Laos", "requestLabel", "Laos (CCM, 13MSP)", "due",
						"2025-06-16", "link", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42",
						"assigned", true, "recipientName", "Anders Lindqvist", "groupName", ""),
				"CCM-LAO-13MSP", null, "42"));

		this.sender.deliverAllDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("Nouvelle tâche : Examen final – Laos");
		assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly("ag-member@example.org");
		assertThat(addresses(mail.getFrom())).containsExactly("clearance-extensions@example.org");
		assertThat(mail.getContentType()).startsWith("multipart/mixed");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("text/plain", "text/html");
		assertThat(text(mail)).contains("Bonjour Anders Lindqvist,", "vous est confi",
				"http://localhost:8080/camunda/app/tasklist/default/#/?task=42");
		assertThat(row("test:assigned:1")).containsEntry("STATUS", "sent").containsEntry("ATTEMPTS", 1);
		assertThat(row("test:assigned:1").get("SENT_AT")).isNotNull();

		this.sender.deliverAllDue();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aNewRequestsMailsArriveFromTheEngine() throws Exception {
		if (this.registry.findState(Convention.CCM, "LIE").isEmpty()) {
			this.registry.createState(new StatePartyInput(Convention.CCM, "LIE", "Liechtenstein",
					java.time.LocalDate.parse("2012-01-01"), java.time.LocalDate.parse("2028-11-01"),
					"focal.lie@example.org", Language.fr, null, "test"));
		}
		ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2027-11-01 09:00:00"));
		String instance = this.requests
			.start(Map.of("convention", "CCM", "stateCode", "LIE", "requestedDeadline", "2031-11-01", "submittedOn",
					"2027-11-01", "summary", "More time is needed."))
			.processInstanceId();
		for (var job : this.management.createJobQuery().processInstanceId(instance).messages().list()) {
			this.management.executeJob(job.getId());
		}
		String taskId = this.tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

		this.sender.deliverAllDue();

		MimeMessage acknowledgement = receivedBy("focal.lie@example.org");
		assertThat(acknowledgement.getSubject())
			.isEqualTo("Accusé de réception : demande de prolongation – Liechtenstein (CCM, 15MSP)");
		assertThat(text(acknowledgement)).contains("Madame, Monsieur,", "a reçu le 2027-11-01",
				"Unité d'appui à l'application");
		MimeMessage assigned = receivedBy("isu-officer@example.org");
		assertThat(assigned.getSubject()).startsWith("New task: Check completeness").endsWith("– Liechtenstein");
		assertThat(text(assigned)).contains("Dear Ines Moreau,",
				"http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId);
		this.runtime.deleteProcessInstance(instance, "test over");
	}

	private static MimeMessage receivedBy(String address) {
		return java.util.Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return addresses(mail.getAllRecipients()).contains(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
	}

	@Test
	void whileSmtpIsDownMailsWaitWithGrowingAttemptsThenEachArrivesOnce() {
		enqueue("down:1", "isu-officer@example.org");
		enqueue("down:2", "coordinator@example.org");
		smtp.stop();

		this.sender.deliverAllDue();
		assertThat(row("down:1")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 1);
		assertThat((String) row("down:1").get("LAST_ERROR")).isNotBlank();
		// the next attempt waits for the backoff: 30 s, then 60 s
		later(Duration.ofSeconds(29));
		this.sender.deliverAllDue();
		assertThat(row("down:1")).containsEntry("ATTEMPTS", 1);
		later(Duration.ofSeconds(2));
		this.sender.deliverAllDue();
		assertThat(row("down:1")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 2);
		later(Duration.ofSeconds(59));
		this.sender.deliverAllDue();
		assertThat(row("down:2")).containsEntry("ATTEMPTS", 2);

		smtp.start();
		later(Duration.ofSeconds(2));
		this.sender.deliverAllDue();
		this.sender.deliverAllDue();

		assertThat(row("down:1")).containsEntry("STATUS", "sent").containsEntry("ATTEMPTS", 3);
		assertThat(row("down:2")).containsEntry("STATUS", "sent");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void afterTheLastAttemptAMailTheServerRefusesFailsAndNoLongerBlocksAnything() {
		enqueue("refused:last", "isu-officer@example.org");
		MailConnections mailboxFull = new FaultyConnections(this.smtpClient, (message) -> {
			throw new MessagingException("452 4.2.2 mailbox full");
		});
		OutboxSender refusing = new OutboxSender(this.jdbc, this.transactionManager, mailboxFull, this.threeAttempts,
				this.notification, this.outbox);
		try {
			for (int attempt = 0; attempt < 3; attempt++) {
				refusing.deliverAllDue();
				later(Duration.ofHours(2));
			}
		}
		finally {
			refusing.stop();
		}
		assertThat(row("refused:last")).containsEntry("STATUS", "failed").containsEntry("ATTEMPTS", 3);

		enqueue("after", "isu-officer@example.org");
		this.sender.deliverAllDue();
		assertThat(row("after")).containsEntry("STATUS", "sent");
		assertThat(row("refused:last")).containsEntry("STATUS", "failed");
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aLongOutageFailsNoMail() {
		enqueue("outage:long", "isu-officer@example.org");
		smtp.stop();
		for (int attempt = 0; attempt < 6; attempt++) {
			this.sender.deliverAllDue();
			later(Duration.ofHours(2));
		}
		assertThat(row("outage:long")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 6);
		assertThat((String) row("outage:long").get("LAST_ERROR")).startsWith("mail server unreachable");

		smtp.start();
		this.sender.deliverAllDue();
		assertThat(row("outage:long")).containsEntry("STATUS", "sent");
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aMailWhoseSenderDiedIsTakenUpAfterTheClaimTimeout() {
		enqueue("orphan", "isu-officer@example.org");
		this.jdbc
			.sql("update outbox_mail set status = 'sending', attempts = 1, next_attempt_at = ? "
					+ "where idempotency_key = 'orphan'")
			.param(java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))))
			.update();

		this.sender.deliverAllDue();
		assertThat(row("orphan")).containsEntry("STATUS", "sending");
		assertThat(smtp.getReceivedMessages()).isEmpty();

		later(Duration.ofMinutes(5).plusSeconds(1));
		this.sender.deliverAllDue();
		assertThat(row("orphan")).containsEntry("STATUS", "sent").containsEntry("ATTEMPTS", 2);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aMailSentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
		enqueue("crash:1", "isu-officer@example.org");
		enqueue("crash:2", "isu-officer@example.org");
		this.sender.deliverAllDue();
		// the server took crash:1, then the node died before recording it: the claim runs
		// out
		this.jdbc
			.sql("update outbox_mail set status = 'sending', sent_at = null, next_attempt_at = ? "
					+ "where idempotency_key = 'crash:1'")
			.param(java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
			.update();
		this.sender.deliverAllDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(3);
		assertThat(received[0].getMessageID()).isEqualTo(received[2].getMessageID())
			.isNotEqualTo(received[1].getMessageID())
			.matches("<[0-9a-f]{40}\\.outbox@[A-Za-z0-9.-]+>");
		assertThat(OutboxSender.messageId("crash:1", "ISU <isu@clearance.example.org>"))
			.endsWith(".outbox@clearance.example.org>");
	}

	@Test
	void invalidAndHeaderInjectingAddressesFailAndAreNeverSent() {
		enqueue("bad:1", "not an address");
		enqueue("bad:2", "victim@example.org, other@example.org");
		enqueue("bad:3", "Name <someone@example.org>");
		this.outbox.enqueue(new OutgoingMail("bad:4", "test", "a@example.org\r\nBcc: victim@example.org", "en",
				"Subject", "Text", null, null, null, null));
		this.outbox.enqueue(new OutgoingMail("good", "test", "isu-officer@example.org", "en",
				"Hello\r\nBcc: victim@example.org", "Text", null, null, null, null));

		this.sender.deliverAllDue();

		for (String key : List.of("bad:1", "bad:2", "bad:3", "bad:4")) {
			assertThat(row(key)).as(key).containsEntry("STATUS", "failed").containsEntry("ATTEMPTS", 1);
			assertThat((String) row(key).get("LAST_ERROR")).as(key).startsWith("invalid address");
		}
		assertThat(row("good")).containsEntry("STATUS", "sent");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).singleElement().satisfies((mail) -> {
			assertThat(mail.getSubject()).isEqualTo("Hello Bcc: victim@example.org");
			assertThat(mail.getHeader("Bcc")).isNull();
			assertThat(addresses(mail.getAllRecipients())).containsExactly("isu-officer@example.org");
		});
	}

	@Test
	void aUserWhoseAddressCarriesAHeaderGetsNothing() {
		User user = this.identity.newUser("mallory");
		user.setFirstName("Mallory\r\nBcc: victim@example.org");
		user.setLastName("Injector");
		user.setEmail("mallory@example.org\r\nBcc: victim@example.org");
		this.identity.saveUser(user);
		try {
			Recipients recipients = new Recipients(this.identity);
			Recipients.Recipient mallory = recipients.users(List.of("mallory")).get(0);
			assertThat(mallory.name()).doesNotContain("\r", "\n");
			this.outbox.enqueue(
					new Outbox.TemplatedMail("mallory", "task-assigned", mallory.email(), "en",
							Map.of("taskName", "Check", "stateName", "Laos", "requestLabel", "Laos", "link",
									"http://x/", "assigned", true, "recipientName", mallory.name(), "groupName", ""),
							null, null, null));

			this.sender.deliverAllDue();

			assertThat(row("mallory")).containsEntry("STATUS", "failed");
			assertThat(smtp.getReceivedMessages()).isEmpty();
		}
		finally {
			this.identity.deleteUser("mallory");
		}
	}

	@Test
	void oneConnectionCarriesAWholeBatchAndEachMailIsRecordedAsSentOnItsOwn() {
		for (int i = 1; i <= 25; i++) {
			enqueue("batch:" + i, "isu-officer@example.org");
		}
		List<Long> sentBeforeEachSend = new java.util.ArrayList<>();
		FaultyConnections watched = new FaultyConnections(this.smtpClient, (message) -> sentBeforeEachSend
			.add(this.jdbc.sql("select count(*) from outbox_mail where status = 'sent'").query(Long.class).single()));
		OutboxSender oneSender = new OutboxSender(this.jdbc, this.transactionManager, watched, oneSender(20),
				this.notification, this.outbox);
		try {
			oneSender.deliverAllDue();
		}
		finally {
			oneSender.stop();
		}
		// two batches (20 + 5), two SMTP sessions: not 25
		assertThat(watched.opened).hasValue(2);
		assertThat(smtp.getReceivedMessages()).hasSize(25);
		assertThat(this.jdbc.sql("select count(*) from outbox_mail where status = 'sent' and attempts = 1")
			.query(Long.class)
			.single()).isEqualTo(25);
		// within a session, each mail was recorded as sent before the next one went out
		assertThat(sentBeforeEachSend)
			.containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
	}

	@Test
	void aMailRefusedInTheMiddleOfABatchIsRetriedAndTheOthersAreSentThroughTheSameConnection() {
		for (int i = 1; i <= 5; i++) {
			enqueue("middle:" + i, "isu-officer@example.org");
		}
		FaultyConnections refusingOne = new FaultyConnections(this.smtpClient, (message) -> {
			if (message.getSubject().equals("Subject middle:3")) {
				throw new MessagingException("451 4.3.0 temporary local problem");
			}
		});
		OutboxSender oneSender = new OutboxSender(this.jdbc, this.transactionManager, refusingOne, oneSender(20),
				this.notification, this.outbox);
		try {
			oneSender.deliverAllDue();
		}
		finally {
			oneSender.stop();
		}
		assertThat(refusingOne.opened).hasValue(1);
		assertThat(smtp.getReceivedMessages()).hasSize(4);
		for (int i : new int[] { 1, 2, 4, 5 }) {
			assertThat(row("middle:" + i)).containsEntry("STATUS", "sent");
		}
		assertThat(row("middle:3")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 1);
		assertThat((String) row("middle:3").get("LAST_ERROR")).contains("451 4.3.0");

		later(Duration.ofSeconds(31));
		this.sender.deliverAllDue();
		assertThat(row("middle:3")).containsEntry("STATUS", "sent").containsEntry("ATTEMPTS", 2);
		assertThat(smtp.getReceivedMessages()).hasSize(5);
	}

	@Test
	void aConnectionLostInTheMiddleOfABatchIsOpenedAgainForTheRest() {
		for (int i = 1; i <= 4; i++) {
			enqueue("lost:" + i, "isu-officer@example.org");
		}
		FaultyConnections dropping = new FaultyConnections(this.smtpClient, null);
		dropping.beforeSend = (message) -> {
			if (message.getSubject().equals("Subject lost:2")) {
				dropping.current.close();
				throw new MessagingException("421 4.4.2 connection dropped");
			}
		};
		OutboxSender oneSender = new OutboxSender(this.jdbc, this.transactionManager, dropping, oneSender(20),
				this.notification, this.outbox);
		try {
			oneSender.deliverAllDue();
		}
		finally {
			oneSender.stop();
		}
		assertThat(dropping.opened).hasValue(2);
		assertThat(row("lost:2")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 1);
		for (int i : new int[] { 1, 3, 4 }) {
			assertThat(row("lost:" + i)).containsEntry("STATUS", "sent");
		}
		assertThat(smtp.getReceivedMessages()).hasSize(3);
	}

	@Test
	void runningSendersAreWokenByAMailOnceItsTransactionCommittedNotByThePollInterval() throws Exception {
		DeliveryProperties slowPoll = new DeliveryProperties(true, Duration.ofMinutes(10), 20, 2, 3,
				this.delivery.initialBackoff(), this.delivery.backoffMultiplier(), this.delivery.maxBackoff(),
				this.delivery.claimTimeout(), this.delivery.outageBackoff());
		OutboxSender running = new OutboxSender(this.jdbc, this.transactionManager, this.smtpClient, slowPoll,
				this.notification, this.outbox);
		try {
			running.start();
			// both senders look once at start, find nothing and wait (10 minutes at most)
			Thread.sleep(500);
			TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
			transaction.executeWithoutResult((status) -> {
				enqueue("woken:1", "first@example.org");
				enqueue("woken:2", "second@example.org");
				// not before the commit: a sender woken now would not see the rows
				sleep(300);
				assertThat(smtp.getReceivedMessages()).isEmpty();
			});
			long deadline = System.currentTimeMillis() + 10_000;
			while (smtp.getReceivedMessages().length < 2 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			assertThat(smtp.getReceivedMessages()).hasSize(2);
			enqueue("woken:3", "third@example.org");
			deadline = System.currentTimeMillis() + 10_000;
			while (smtp.getReceivedMessages().length < 3 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			assertThat(smtp.getReceivedMessages()).hasSize(3);
			// recorded right after the server took it
			deadline = System.currentTimeMillis() + 10_000;
			while (!"sent".equals(row("woken:3").get("STATUS")) && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			assertThat(row("woken:3")).containsEntry("STATUS", "sent");
		}
		finally {
			running.stop();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private DeliveryProperties oneSender(int batchSize) {
		return new DeliveryProperties(false, this.delivery.pollInterval(), batchSize, 1, 3,
				this.delivery.initialBackoff(), this.delivery.backoffMultiplier(), this.delivery.maxBackoff(),
				this.delivery.claimTimeout(), this.delivery.outageBackoff());
	}

	private void enqueue(String key, String recipient) {
		this.outbox.enqueue(new OutgoingMail(key, "test", recipient, "en", "Subject " + key, "Text of " + key,
				"<p>Text</p>", null, null, null));
	}

	private Map<String, Object> row(String key) {
		return Rows.of(this.jdbc, "select * from outbox_mail where idempotency_key = ?", key).get(0);
	}

	private static void later(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	private static List<String> addresses(Address[] addresses) {
		return java.util.Arrays.stream(addresses)
			.map((address) -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
			.toList();
	}

	private static String text(MimeMessage mail) throws IOException, MessagingException {
		return collect(mail.getContent());
	}

	private static String collect(Object content) throws IOException, MessagingException {
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(collect(multipart.getBodyPart(i).getContent()));
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface BeforeSend {

		void accept(MimeMessage message) throws MessagingException;

	}

	/**
	 * Real SMTP connections that count how often one is opened and may refuse a mail (or
	 * break the connection) before it is sent.
	 */
	static final class FaultyConnections implements MailConnections {

		final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();

		private final MailConnections real;

		volatile BeforeSend beforeSend;

		volatile Connection current;

		FaultyConnections(MailConnections real, BeforeSend beforeSend) {
			this.real = real;
			this.beforeSend = beforeSend;
		}

		@Override
		public MimeMessage createMimeMessage() {
			return this.real.createMimeMessage();
		}

		@Override
		public Connection open() throws MessagingException {
			this.opened.incrementAndGet();
			Connection connection = this.real.open();
			this.current = connection;
			return new Connection() {

				@Override
				public void send(MimeMessage message) throws MessagingException {
					if (FaultyConnections.this.beforeSend != null) {
						FaultyConnections.this.beforeSend.accept(message);
					}
					connection.send(message);
				}

				@Override
				public boolean isOpen() {
					return connection.isOpen();
				}

				@Override
				public void close() {
					connection.close();
				}

			};
		}

	}

}
