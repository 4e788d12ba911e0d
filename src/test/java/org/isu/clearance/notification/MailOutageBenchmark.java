package org.isu.clearance.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.SmtpSinkProcess;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark, run with {@code bench/mail-outage.sh} (Maven profile
 * {@code bench}). The application runs on a fresh PostgreSQL database with its outbox
 * sender pointed at a mail server that is down; {@code bench.mails} (2 000) mails are
 * queued, the outage lasts {@code bench.outage} (PT10M), then the server (GreenMail in a
 * process of its own) comes back. It prints the backlog and oldest-pending gauges as
 * {@code /actuator/prometheus} shows them during the outage and the drain, how long the
 * drain took, and whether each mail arrived exactly once within {@code bench.limit}
 * (PT2M).
 */
class MailOutageBenchmark {

	private static final Pattern PENDING = Pattern.compile("(?m)^clearance_outbox_mails\\{status=\"pending\"} (\\S+)");

	private static final Pattern OLDEST = Pattern.compile("(?m)^clearance_outbox_oldest_pending_age_seconds (\\S+)");

	@Test
	void measure() throws Exception {
		int mails = Integer.getInteger("bench.mails", 2_000);
		Duration outage = Duration.parse(System.getProperty("bench.outage", "PT10M"));
		Duration limit = Duration.parse(System.getProperty("bench.limit", "PT2M"));
		Duration sample = Duration.parse(System.getProperty("bench.sample", "PT30S"));
		ScratchDatabase database = new ScratchDatabase("clearance_bench");
		database.create();
		// the port is reserved but nothing listens: the mail server is down
		SmtpSinkProcess sink = new SmtpSinkProcess();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.properties(Map.of("DB_URL", database.url(), "DB_USER", "postgres"))
			.run("--server.port=0", "--clearance.demo.requests=false", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + sink.port(), "--logging.level.org.isu.clearance.notification=warn")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Outbox outbox = context.getBean(Outbox.class);
			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			Instant down = Instant.now();
			for (int i = 0; i < mails; i++) {
				outbox.enqueue(new OutgoingMail("outage:" + i, "bench", "user" + i + "@example.org", "en",
						"Outage benchmark " + i, "Text of mail " + i, null, null, null, null));
			}
			System.out.printf("%n[bench] mail server down; %d mails queued in %d ms%n", mails,
					Duration.between(down, Instant.now()).toMillis());
			Instant back = down.plus(outage);
			while (Instant.now().isBefore(back)) {
				Thread
					.sleep(Math.min(sample.toMillis(), Math.max(1, Duration.between(Instant.now(), back).toMillis())));
				System.out.printf("[bench] outage t=%3ds %s%n", Duration.between(down, Instant.now()).toSeconds(),
						gauges(port));
			}
			sink.start();
			Instant up = Instant.now();
			System.out.printf("[bench] mail server back after %d s %s%n", Duration.between(down, up).toSeconds(),
					gauges(port));
			Instant drained = null;
			Instant giveUp = up.plus(limit.multipliedBy(3));
			int polls = 0;
			while (Instant.now().isBefore(giveUp)) {
				long sent = jdbc.sql("select count(*) from outbox_mail where status = 'sent' and kind = 'bench'")
					.query(Long.class)
					.single();
				if (sent >= mails) {
					drained = Instant.now();
					break;
				}
				if (++polls % 10 == 0) {
					System.out.printf("[bench] drain   t=%3ds sent=%d %s%n",
							Duration.between(up, Instant.now()).toSeconds(), sent, gauges(port));
				}
				Thread.sleep(1000);
			}
			Thread.sleep(2500);
			System.out.printf("[bench] drained %s%n", gauges(port));
			Map<String, Object> attempts = jdbc
				.sql("select max(attempts) as max_attempts, min(attempts) as min_attempts from outbox_mail")
				.query()
				.singleRow();
			long drainSeconds = (drained != null) ? Duration.between(up, drained).toSeconds() : -1;
			int received = sink.received();
			// the application's own mails (reminders of the sample States) share the
			// sink: every
			// mail the outbox records as sent is received once, no more
			long sentRows = jdbc.sql("select count(*) from outbox_mail where status = 'sent'")
				.query(Long.class)
				.single();
			boolean met = drained != null && Duration.between(up, drained).compareTo(limit) <= 0
					&& received == sentRows;
			System.out.printf(
					"[bench] outage: mails=%d outage_s=%d drain_s=%d received=%d (with %d of the application's own)"
							+ " duplicates=%d attempts_per_mail=%s..%s limit_s=%d %s %s%n%n",
					mails, Duration.between(down, up).toSeconds(), drainSeconds, received, sentRows - mails,
					Math.max(0, received - sentRows), attempts.get("min_attempts"), attempts.get("max_attempts"),
					limit.toSeconds(), met ? "MET" : "MISSED", Footprint.heapAfterFullGc());
		}
		finally {
			sink.close();
			database.close();
		}
	}

	/**
	 * The backlog and oldest-pending gauges as Prometheus scrapes them.
	 */
	private static String gauges(int port) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return "prometheus answered " + response.statusCode();
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("pending", value(PENDING, response.body()));
		values.put("oldest_pending_age_s", value(OLDEST, response.body()));
		return values.toString();
	}

	private static String value(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : "?";
	}

}
