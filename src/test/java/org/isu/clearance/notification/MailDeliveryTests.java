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
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("clearance.notification.delivery.scheduled", () -> "false");
		registry.add("clearance.notification.delivery.max-attempts", () -> "3");
	}

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxSender sender;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IdentityService identity;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("delete from outbox_mail").update();
	}

	@AfterEach
	void resetClock() {
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
	void afterTheLastAttemptAMailFailsAndNoLongerBlocksAnything() {
		enqueue("down:last", "isu-officer@example.org");
		smtp.stop();
		for (int attempt = 0; attempt < 3; attempt++) {
			this.sender.deliverAllDue();
			later(Duration.ofHours(2));
		}
		assertThat(row("down:last")).containsEntry("STATUS", "failed").containsEntry("ATTEMPTS", 3);

		smtp.start();
		enqueue("after", "isu-officer@example.org");
		this.sender.deliverAllDue();
		assertThat(row("after")).containsEntry("STATUS", "sent");
		assertThat(row("down:last")).containsEntry("STATUS", "failed");
		assertThat(smtp.getReceivedMessages()).hasSize(1);
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

	private void enqueue(String key, String recipient) {
		this.outbox.enqueue(new OutgoingMail(key, "test", recipient, "en", "Subject " + key, "Text of " + key,
				"<p>Text</p>", null, null, null));
	}

	private Map<String, Object> row(String key) {
		Map<String, Object> row = new java.util.HashMap<>();
		this.jdbc.sql("select * from outbox_mail where idempotency_key = ?")
			.param(key)
			.query()
			.singleRow()
			.forEach((name, value) -> row.put(name.toUpperCase(), value));
		return row;
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

}
