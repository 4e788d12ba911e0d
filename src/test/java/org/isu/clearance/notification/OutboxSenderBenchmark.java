package org.isu.clearance.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.isu.clearance.CpuUsage;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.SmtpSinkProcess;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Not a test: a benchmark of the outbox sender alone, run with
 * {@code bench/outbox-sender.sh} (Maven profile {@code bench}). Without the application
 * or the engine: on a fresh PostgreSQL database on 127.0.0.1:5432 it writes
 * {@code bench.mails} (3 000) rendered due-soon reminders to the outbox, then the
 * {@link OutboxSender} (real {@link JakartaMailConnections}, {@code bench.senders} and
 * {@code bench.batch}, default as configured) delivers them to GreenMail in a process of
 * its own. First it measures the SMTP sink alone ({@code bench.raw}, 1 000 mails through
 * one and through as many connections as senders), so that a slow sink is told apart from
 * a slow sender; and how long one commit takes on this database.
 */
class OutboxSenderBenchmark {

	@Test
	void measure() throws Exception {
		int mails = Integer.getInteger("bench.mails", 3_000);
		int raw = Integer.getInteger("bench.raw", 1_000);
		DeliveryProperties defaults = new DeliveryProperties(true, Duration.ofSeconds(1), 20, 4, 5,
				Duration.ofSeconds(30), 2.0, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1));
		int senders = Integer.getInteger("bench.senders", defaults.senders());
		int batch = Integer.getInteger("bench.batch", defaults.batchSize());
		DeliveryProperties delivery = new DeliveryProperties(false, Duration.ofSeconds(1), batch, senders, 5,
				Duration.ofSeconds(30), 2.0, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1));
		ScratchDatabase database = new ScratchDatabase("clearance_bench");
		database.create();
		SmtpSinkProcess sink = new SmtpSinkProcess().start();
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(database.url());
			dataSource.setUsername(ScratchDatabase.USER);
			dataSource.setPassword("");
			dataSource.setMaximumPoolSize(10);
			Flyway.configure()
				.dataSource(dataSource)
				.table("app_schema_history")
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			MailTemplates templates = new MailTemplates();
			Outbox outbox = new Outbox(jdbc, dataSource, templates);
			JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
			mailSender.setHost("127.0.0.1");
			mailSender.setPort(sink.port());
			Properties properties = new Properties();
			properties.setProperty("mail.smtp.connectiontimeout", "5000");
			properties.setProperty("mail.smtp.timeout", "10000");
			properties.setProperty("mail.smtp.writetimeout", "10000");
			mailSender.setJavaMailProperties(properties);
			JakartaMailConnections connections = new JakartaMailConnections(mailSender);

			System.out.printf("%n[bench] sender: %d senders, batches of %d, %d mails%n", senders, batch, mails);
			if (raw > 0) {
				rawSink(connections, raw, 1);
				rawSink(connections, raw, senders);
			}
			commits(jdbc, senders);

			Instant writing = Instant.now();
			for (int i = 0; i < mails; i++) {
				outbox.enqueue(mail(templates, i));
			}
			System.out.printf("[bench] %d mails written to the outbox in %d ms%n", mails,
					Duration.between(writing, Instant.now()).toMillis());
			OutboxSender sender = new OutboxSender(jdbc, new DataSourceTransactionManager(dataSource), connections,
					delivery, new NotificationProperties("http://localhost:8080", "clearance-extensions@example.org",
							Period.ofDays(14)),
					outbox);
			int receivedBefore = awaitReceived(sink, 2 * raw, Duration.ofSeconds(10));
			Map<String, Duration> threadsBefore = CpuUsage.byThread();
			Duration appBefore = CpuUsage.process();
			Duration sinkBefore = sink.cpu();
			Instant start = Instant.now();
			long sent = 0;
			while (sent < mails && Duration.between(start, Instant.now()).toMinutes() < 10) {
				sender.deliverAllDue();
				sent = jdbc.sql("select count(*) from outbox_mail where status = 'sent'").query(Long.class).single();
			}
			Duration took = Duration.between(start, Instant.now());
			Duration appCpu = CpuUsage.process().minus(appBefore);
			Duration sinkCpu = sink.cpu().minus(sinkBefore);
			System.out.printf(
					"[bench] cpu while sending: sender %.2f ms per mail, SMTP sink %.2f ms per mail; by"
							+ " thread: %s%n",
					appCpu.toMillis() / (double) Math.max(1, sent), sinkCpu.toMillis() / (double) Math.max(1, sent),
					CpuUsage.since(threadsBefore, CpuUsage.byThread(), Duration.ofMillis(200)));
			sender.stop();
			int received = awaitReceived(sink, receivedBefore + mails, Duration.ofSeconds(10)) - receivedBefore;
			System.out.printf(
					"[bench] sender: mails=%d senders=%d batch=%d sent=%d in %d ms: %.1f mails/s, %.1f ms per mail"
							+ " per sender; sink received %d%n%n",
					mails, senders, batch, sent, took.toMillis(), sent * 1000.0 / took.toMillis(),
					took.toMillis() * (double) senders / Math.max(1, sent), received);
		}
		finally {
			sink.close();
			database.close();
		}
	}

	/**
	 * A realistic reminder: the due-soon templates, text and HTML.
	 */
	private static OutgoingMail mail(MailTemplates templates, int i) {
		Map<String, Object> model = new HashMap<>();
		model.put("stateName", "Benchmark " + i);
		model.put("requestLabel", "CCM-2026-" + i);
		model.put("taskName", "Benchmark task");
		model.put("due", "14 December 2026");
		model.put("link", "http://localhost:8080/camunda/app/tasklist/#/?task=" + i);
		model.put("recipientName", "ISU Officer");
		MailTemplates.Rendered rendered = templates.render("due-soon", "en", model);
		return new OutgoingMail("bench:" + i, "due-soon", "user" + i + "@example.org", "en", rendered.subject(),
				rendered.text(), rendered.html(), null, null, null);
	}

	/**
	 * The sink alone: prepared messages through {@code connections} parallel SMTP
	 * connections, one Transport each.
	 */
	private static void rawSink(JakartaMailConnections mail, int count, int connections) throws Exception {
		MailTemplates templates = new MailTemplates();
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			OutgoingMail outgoing = mail(templates, i);
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom("clearance-extensions@example.org");
			helper.setTo(new InternetAddress("raw" + i + "@example.org"));
			helper.setSubject(outgoing.subject());
			helper.setText(outgoing.text(), outgoing.html());
			message.saveChanges();
			messages.add(message);
		}
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		Instant start = Instant.now();
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				int offset = c;
				work.add(pool.submit(() -> {
					MailConnections.Connection connection = mail.open();
					try {
						for (int i = offset; i < count; i += connections) {
							connection.send(messages.get(i));
						}
					}
					finally {
						connection.close();
					}
					return null;
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long millis = Duration.between(start, Instant.now()).toMillis();
		System.out.printf("[bench] raw SMTP to the sink, %d connection(s): %d mails in %d ms, %.1f mails/s%n",
				connections, count, millis, count * 1000.0 / Math.max(1, millis));
	}

	/**
	 * One autocommitted update per call, from {@code threads} threads: what recording a
	 * mail as sent costs on this database.
	 */
	private static void commits(JdbcClient jdbc, int threads) throws Exception {
		jdbc.sql("create table bench_commit (id int primary key, at timestamp)").update();
		for (int i = 0; i < threads; i++) {
			jdbc.sql("insert into bench_commit values (?, now())").param(i).update();
		}
		int each = 250;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Instant start = Instant.now();
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int id = t;
				work.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						jdbc.sql("update bench_commit set at = now() where id = ?").param(id).update();
					}
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long millis = Duration.between(start, Instant.now()).toMillis();
		System.out.printf(
				"[bench] commits: %d threads x %d autocommitted updates in %d ms, %.2f ms per commit" + " per thread%n",
				threads, each, millis, millis / (double) each);
	}

	private static int awaitReceived(SmtpSinkProcess sink, int expected, Duration limit) throws InterruptedException {
		Instant giveUp = Instant.now().plus(limit);
		while (sink.received() < expected && Instant.now().isBefore(giveUp)) {
			Thread.sleep(200);
		}
		return sink.received();
	}

}
