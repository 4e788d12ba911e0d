package org.isu.clearance.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.isu.clearance.CpuUsage;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.SmtpSinkProcess;
import org.isu.clearance.ClearanceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark, run with {@code bench/reminder-latency.sh} (Maven profile
 * {@code bench}). On a fresh PostgreSQL database on 127.0.0.1:5432 it starts the
 * application with the job executor and the outbox sender on, GreenMail in a process of
 * its own as the SMTP server ({@link SmtpSinkProcess}), and creates {@code bench.timers}
 * (10 000) waiting tasks whose non-interrupting reminder timers fall due evenly over
 * {@code bench.spread} (PT100S), starting {@code bench.lead} (PT90S) after the start. The
 * reminders run the real {@code taskReminderDelegate} and outbox. It prints due → outbox
 * and due → sent latencies (p50, p99, max) and the throughput.
 */
class ReminderLatencyBenchmark {

	private static final String PROCESS = "reminder-benchmark";

	@Test
	void measure() throws Exception {
		int timers = Integer.getInteger("bench.timers", 10_000);
		Duration spread = Duration.parse(System.getProperty("bench.spread", "PT100S"));
		Duration lead = Duration.parse(System.getProperty("bench.lead", "PT90S"));
		Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT15M"));
		ScratchDatabase database = new ScratchDatabase("clearance_bench");
		SmtpSinkProcess sink = new SmtpSinkProcess().start();
		int smtpPort = sink.port();
		database.create();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.properties(Map.of("DB_URL", database.url(), "DB_USER", "postgres"))
			.run("--server.port=0", "--clearance.demo.requests=false", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + smtpPort, "--logging.level.com.icegreen=warn")) {
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();

			Instant firstDue = Instant.now().plus(lead);
			Map<String, Instant> dueAt = create(engine, timers, firstDue, spread);
			Instant created = Instant.now();
			System.out.printf(
					"%n[bench] created %d waiting tasks with reminder timers in %s (first due %s after start)%n",
					timers, Duration.between(firstDue.minus(lead), created), lead);
			if (created.isAfter(firstDue)) {
				System.out.println("[bench] note: creation outlasted the lead; early timers fell due while creating");
			}

			// the processor time of the burst, from here to the last mail sent
			Map<String, Duration> threadsBefore = CpuUsage.byThread();
			Duration appBefore = CpuUsage.process();
			Duration sinkBefore = sink.cpu();
			Instant giveUp = Instant.now().plus(spread).plus(lead).plus(timeout);
			List<Long> toOutbox = new ArrayList<>();
			List<Long> toSent = new ArrayList<>();
			List<Long> outboxToSent = new ArrayList<>();
			Instant lastWritten = null;
			Instant lastSent = null;
			int polls = 0;
			while (Instant.now().isBefore(giveUp)) {
				long sent = jdbc.sql("select count(*) from outbox_mail where kind = 'due-soon' and status = 'sent'")
					.query(Long.class)
					.single();
				if (sent >= timers) {
					break;
				}
				if (++polls % 10 == 0) {
					System.out.println("[bench] progress "
							+ jdbc.sql("select status, count(*) as n from outbox_mail group by status")
								.query()
								.listOfRows());
				}
				Thread.sleep(1000);
			}
			Duration appCpu = CpuUsage.process().minus(appBefore);
			Duration sinkCpu = sink.cpu().minus(sinkBefore);
			String threadCpu = CpuUsage.since(threadsBefore, CpuUsage.byThread(), Duration.ofMillis(500));
			for (Map<String, Object> row : jdbc
				.sql("select business_key, created_at, sent_at from outbox_mail where kind = 'due-soon'")
				.query()
				.listOfRows()) {
				Map<String, Object> values = new ConcurrentHashMap<>();
				row.forEach((name, value) -> {
					if (value != null) {
						values.put(name.toLowerCase(), value);
					}
				});
				Instant due = dueAt.get((String) values.get("business_key"));
				if (due == null) {
					System.out.println("[bench] unexpected row " + values);
					continue;
				}
				Instant written = ((Timestamp) values.get("created_at")).toInstant();
				toOutbox.add(Duration.between(due, written).toMillis());
				lastWritten = max(lastWritten, written);
				if (values.get("sent_at") != null) {
					Instant sentAt = ((Timestamp) values.get("sent_at")).toInstant();
					toSent.add(Duration.between(due, sentAt).toMillis());
					outboxToSent.add(Duration.between(written, sentAt).toMillis());
					lastSent = max(lastSent, sentAt);
				}
			}
			Thread.sleep(1500);
			System.out.printf("[bench] outbox -> sent (the sender alone): p50 %d ms, p99 %d ms, max %d ms%n",
					percentile(outboxToSent, 50), percentile(outboxToSent, 99), percentile(outboxToSent, 100));
			System.out.printf(
					"[bench] cpu after creating: application %.1f s (%.2f ms per reminder), SMTP sink %.1f s (%.2f ms"
							+ " per mail); by thread: %s%n",
					appCpu.toMillis() / 1000.0, appCpu.toMillis() / (double) timers, sinkCpu.toMillis() / 1000.0,
					sinkCpu.toMillis() / (double) timers, threadCpu);
			report(timers, spread, firstDue, toOutbox, toSent, lastWritten, lastSent, sink.received());
		}
		finally {
			sink.close();
			database.close();
		}
	}

	private static Map<String, Instant> create(ProcessEngine engine, int timers, Instant firstDue, Duration spread)
			throws Exception {
		Map<String, Instant> dueAt = new ConcurrentHashMap<>();
		int threads = Integer.getInteger("bench.threads", 4);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				work.add(pool.submit(() -> {
					for (int i = offset; i < timers; i += threads) {
						Instant due = firstDue.plusNanos(spread.toNanos() / timers * i);
						String key = "bench-" + i;
						dueAt.put(key, due);
						// skip the listeners: no "task assigned" mails, only the
						// reminders
						engine.getRuntimeService()
							.createProcessInstanceByKey(PROCESS)
							.businessKey(key)
							.setVariable("dueAt", Date.from(due))
							.setVariable("taskDue", Date.from(due.plus(Duration.ofDays(7))))
							.setVariable("stateName", "Benchmark " + i)
							.startBeforeActivity("Task_Wait")
							.execute(true, false);
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
		}
		return dueAt;
	}

	private static BpmnModelInstance model() {
		return Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent("Start")
			.userTask("Task_Wait")
			.name("Benchmark task")
			.camundaCandidateGroups("isu")
			.camundaDueDate("${taskDue}")
			.boundaryEvent("Timer_DueSoon")
			.cancelActivity(false)
			.timerWithDate("${dueAt}")
			.serviceTask("Task_Remind")
			.camundaDelegateExpression("${taskReminderDelegate}")
			.camundaInputParameter("reminderFor", "Task_Wait")
			.camundaInputParameter("reminderKind", "due-soon")
			.endEvent("End_Reminded")
			.moveToActivity("Task_Wait")
			.endEvent("End")
			.done();
	}

	private static void report(int timers, Duration spread, Instant firstDue, List<Long> toOutbox, List<Long> toSent,
			Instant lastWritten, Instant lastSent, int received) {
		System.out.printf("[bench] %d reminder timers due over %s (%.0f/s)%n", timers, spread,
				timers / (spread.toMillis() / 1000.0));
		System.out.printf("[bench] due -> outbox: %d of %d written; p50 %d ms, p99 %d ms, max %d ms%n", toOutbox.size(),
				timers, percentile(toOutbox, 50), percentile(toOutbox, 99), percentile(toOutbox, 100));
		System.out.printf(
				"[bench] due -> sent:   %d of %d sent;    p50 %d ms, p99 %d ms, max %d ms (SMTP sink received %d)%n",
				toSent.size(), timers, percentile(toSent, 50), percentile(toSent, 99), percentile(toSent, 100),
				received);
		if (lastWritten != null) {
			System.out.printf("[bench] throughput: %.1f reminders/s into the outbox, %.1f mails/s sent%n",
					toOutbox.size() / seconds(firstDue, lastWritten),
					(lastSent != null) ? toSent.size() / seconds(firstDue, lastSent) : 0.0);
		}
		System.out.printf("[bench] targets: due -> outbox p99 < 5000 ms %s, due -> sent p99 < 10000 ms %s%n",
				(toOutbox.size() == timers && percentile(toOutbox, 99) < 5000) ? "MET" : "MISSED",
				(toSent.size() == timers && percentile(toSent, 99) < 10000) ? "MET" : "MISSED");
		System.out.printf(
				"[bench] reminders: timers=%d spread_s=%d outbox_p99_ms=%d sent=%d sent_p50_ms=%d sent_p99_ms=%d "
						+ "sent_max_ms=%d mails_per_s=%.1f sink_received=%d %s%n%n",
				timers, spread.toSeconds(), percentile(toOutbox, 99), toSent.size(), percentile(toSent, 50),
				percentile(toSent, 99), percentile(toSent, 100),
				(lastSent != null) ? toSent.size() / seconds(firstDue, lastSent) : 0.0, received,
				Footprint.heapAfterFullGc());
	}

	private static double seconds(Instant from, Instant to) {
		return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
	}

	private static long percentile(List<Long> values, int percentile) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static Instant max(Instant a, Instant b) {
		return (a == null || b.isAfter(a)) ? b : a;
	}

}
