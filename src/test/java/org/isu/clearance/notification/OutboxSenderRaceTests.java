package org.isu.clearance.notification;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.isu.clearance.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes' senders racing over one outbox, on PostgreSQL (a database of its own on
 * 127.0.0.1:5432, claims with {@code FOR UPDATE SKIP LOCKED}) and on H2 (optimistic
 * claims): every mail is sent exactly once. Two transactions writing the same key
 * concurrently leave one row and no error.
 */
class OutboxSenderRaceTests {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_outbox");

	private static final int MAILS = 300;

	@Test
	void twoNodesOnPostgresqlSendEachMailOnce() throws Exception {
		try (HikariDataSource dataSource = dataSource(DATABASE.url(), "postgres")) {
			Outbox outbox = outbox(dataSource);
			assertThat(outbox.isPostgres()).isTrue();
			raceAndCheck(dataSource, outbox);
		}
	}

	@Test
	void twoNodesOnH2SendEachMailOnce() throws Exception {
		try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:race" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
				"sa")) {
			Outbox outbox = outbox(dataSource);
			assertThat(outbox.isPostgres()).isFalse();
			raceAndCheck(dataSource, outbox);
		}
	}

	@Test
	void twoTransactionsWritingTheSameKeyOnPostgresqlLeaveOneRow() throws Exception {
		try (HikariDataSource dataSource = dataSource(DATABASE.url(), "postgres")) {
			Outbox outbox = outbox(dataSource);
			TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			OutgoingMail mail = mail("same-key", "someone@example.org");
			CountDownLatch firstWrote = new CountDownLatch(1);
			CountDownLatch secondStarted = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<Boolean> first = pool.submit(() -> transactions.execute((status) -> {
					boolean written = outbox.enqueue(mail);
					firstWrote.countDown();
					await(secondStarted);
					sleep(200);
					return written;
				}));
				Future<Boolean> second = pool.submit(() -> transactions.execute((status) -> {
					await(firstWrote);
					secondStarted.countDown();
					return outbox.enqueue(mail);
				}));
				assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
				assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(JdbcClient.create(dataSource)
				.sql("select count(*) from outbox_mail where idempotency_key = 'same-key'")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	private void raceAndCheck(HikariDataSource dataSource, Outbox outbox) throws Exception {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("delete from outbox_mail").update();
		for (int i = 0; i < MAILS; i++) {
			outbox.enqueue(mail("race:" + i, "user" + i + "@example.org"));
		}
		CountingMailSender smtp = new CountingMailSender();
		List<OutboxSender> nodes = List.of(sender(dataSource, outbox, smtp), sender(dataSource, outbox, smtp));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				OutboxSender node = nodes.get(thread % 2);
				workers.add(pool.submit(() -> {
					while (node.deliverDue() > 0) {
						// next batch
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(smtp.sends).hasSize(MAILS);
		assertThat(smtp.sends.values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from outbox_mail where status = 'sent' and attempts = 1")
			.query(Integer.class)
			.single()).isEqualTo(MAILS);
	}

	private static OutboxSender sender(HikariDataSource dataSource, Outbox outbox, CountingMailSender smtp) {
		DeliveryProperties delivery = new DeliveryProperties(true, Duration.ofSeconds(1), 10, 1, 5,
				Duration.ofSeconds(30), 2.0, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1));
		NotificationProperties notification = new NotificationProperties("http://localhost:8080",
				"clearance-extensions@example.org", Period.ofDays(14));
		return new OutboxSender(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource), smtp,
				delivery, notification, outbox);
	}

	private static Outbox outbox(HikariDataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.table("app_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new Outbox(JdbcClient.create(dataSource), dataSource, new MailTemplates());
	}

	private static OutgoingMail mail(String key, String recipient) {
		return new OutgoingMail(key, "test", recipient, "en", key, "Text of " + key, null, null, null, null);
	}

	private static HikariDataSource dataSource(String url, String user) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(6);
		return dataSource;
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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

	/**
	 * Counts each subject it is asked to send, taking a little time as a real server
	 * would, so that the senders overlap.
	 */
	static final class CountingMailSender implements MailConnections {

		final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

		private final JavaMailSenderImpl sessions = new JavaMailSenderImpl();

		@Override
		public MimeMessage createMimeMessage() {
			return this.sessions.createMimeMessage();
		}

		@Override
		public Connection open() {
			return new Connection() {

				@Override
				public void send(MimeMessage message) throws MessagingException {
					CountingMailSender.this.sends
						.computeIfAbsent(message.getSubject(), (subject) -> new AtomicInteger())
						.incrementAndGet();
					sleep(2);
				}

				@Override
				public boolean isOpen() {
					return true;
				}

				@Override
				public void close() {
				}

			};
		}

	}

}
