package org.isu.clearance.request;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a unit test: {@code bench/history-cleanup.sh} (Maven profile {@code bench}). On a
 * throw-away PostgreSQL database, with the job executor on, it seeds a dashboard
 * ({@code bench.active} (200) open requests through the engine, {@code bench.finished}
 * (100 000) finished ones by SQL, none expired) and {@code bench.expired} (100 000)
 * requests that ended more than ten years ago: copies, by SQL, of the whole history of
 * {@code bench.templates} (8) requests started through the engine and ended, with every
 * row's removal time in the past (the removal-time-based cleanup this application runs:
 * removal time = end time + {@code history-time-to-live} P3650D). It then starts the
 * engine's history cleanup as the batch window would ({@code cleanUpHistoryAsync(true)}),
 * samples the dashboard's pages while it runs, and prints the rows and instances removed
 * per second and the pages' p95 before and during the cleanup.
 */
class HistoryCleanupBenchmark {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_bench");

	private static final int ACTIVE = Integer.getInteger("bench.active", 200);

	private static final int FINISHED = Integer.getInteger("bench.finished", 100_000);

	private static final int EXPIRED = Integer.getInteger("bench.expired", 100_000);

	private static final int TEMPLATES = Integer.getInteger("bench.templates", 8);

	private static final Duration LIMIT = Duration.parse(System.getProperty("bench.limit", "PT60M"));

	/**
	 * The history tables the removal-time-based cleanup empties (with ACT_GE_BYTEARRAY).
	 */
	private static final List<String> TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
			"act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log",
			"act_hi_incident", "act_hi_comment", "act_hi_attachment", "act_ge_bytearray");

	/** Columns holding ids of the copied instance's own rows: each copy gets its own. */
	private static final List<String> IDS = List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
			"act_inst_id_", "parent_act_inst_id_", "task_id_", "var_inst_id_", "bytearray_id_", "parent_task_id_",
			"job_id_", "job_exception_stack_id_", "process_instance_id_", "operation_id_", "root_cause_incident_id_",
			"cause_incident_id_", "super_process_instance_id_");

	@Test
	void cleanupBesideTheDashboard() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>(
				Map.of("DB_URL", DATABASE.url(), "DB_USER", "postgres", "server.port", "0", "clearance.demo.requests",
						"false", "logging.level.org.camunda.bpm.engine.context", "warn"));
		// the engine starts its own cleanup inside the batch window (01:00-05:00): the
		// window
		// is moved to twelve hours from now, so that only the benchmark starts it
		java.time.LocalTime away = java.time.LocalTime.now().plusHours(12).withSecond(0).withNano(0);
		properties.put("camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time",
				away.toString());
		properties.put("camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time",
				away.plusMinutes(1).toString());
		for (String knob : List.of("history-cleanup-batch-size", "history-cleanup-degree-of-parallelism")) {
			String value = System.getProperty("bench." + knob);
			if (value != null) {
				properties.put("camunda.bpm.generic-properties.properties." + knob, value);
			}
		}
		// as arguments: they override application.yaml (default properties would not)
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.run(arguments)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) context
				.getBean(ProcessEngine.class)
				.getProcessEngineConfiguration();
			System.out.printf("%nCleanup: strategy %s, removal time %s, batch size %d, parallelism %d, window %s-%s%n",
					engine.getHistoryCleanupStrategy(), engine.getHistoryRemovalTimeStrategy(),
					engine.getHistoryCleanupBatchSize(), engine.getHistoryCleanupDegreeOfParallelism(),
					engine.getHistoryCleanupBatchWindowStartTime(), engine.getHistoryCleanupBatchWindowEndTime());

			long seeding = System.nanoTime();
			RuntimeService runtime = context.getBean(RuntimeService.class);
			DashboardBenchmark.seedActive(runtime, ACTIVE);
			DashboardBenchmark.seedFinished(jdbc, FINISHED);
			List<String> templates = templates(runtime);
			for (String table : TABLES) {
				copy(jdbc, table, templates);
			}
			copyReadModel(jdbc, templates);
			jdbc.sql("vacuum analyze").update();
			long expiredRows = expiredRows(jdbc);
			System.out.printf(
					"Seeded %d open, %d finished and %d expired requests (%d history rows, %.1f per"
							+ " request) in %d s%n",
					ACTIVE, FINISHED, EXPIRED, expiredRows, (double) expiredRows / EXPIRED,
					Duration.ofNanos(System.nanoTime() - seeding).toSeconds());

			DashboardBenchmark.Session session = DashboardBenchmark.Session.login("http://127.0.0.1:" + port,
					"coordinator", "demo");
			List<String> pages = List.of("/", "/api/extension-requests", "/?stage=Task_FinalReview&overdue=true",
					"/api/extension-requests?status=all&sort=state",
					"/requests/" + ExtensionRequestProcess.businessKey("CCM", DashboardBenchmark.code(3), "14MSP"),
					"/requests/CCM-F7-8MSP", "/work-plan");
			List<Double> before = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				for (String page : pages) {
					before.add(time(session, page));
				}
			}

			AtomicBoolean cleaning = new AtomicBoolean(true);
			List<Double> during = new ArrayList<>();
			Thread sampler = new Thread(() -> {
				try {
					while (cleaning.get()) {
						for (String page : pages) {
							during.add(time(session, page));
						}
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, "dashboard-sampler");
			long start = System.nanoTime();
			sampler.start();
			context.getBean(HistoryService.class).cleanUpHistoryAsync(true);
			long remaining = expiredRows;
			long lastPrint = start;
			while (remaining > 0 && System.nanoTime() - start < LIMIT.toNanos()) {
				Thread.sleep(2000);
				remaining = expiredRows(jdbc);
				if (System.nanoTime() - lastPrint > 30_000_000_000L) {
					lastPrint = System.nanoTime();
					System.out.printf("  %d s: %d expired rows left%n", Duration.ofNanos(lastPrint - start).toSeconds(),
							remaining);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			cleaning.set(false);
			sampler.join();
			long instancesLeft = jdbc
				.sql("select count(*) from act_hi_procinst where removal_time_ <= now() and business_key_ like 'EXP-%'")
				.query(Long.class)
				.single();
			long removed = expiredRows - remaining;
			System.out.printf("%s %d of %d expired rows (%d of %d requests) in %.0f s: %.0f rows/s, %.1f requests/s%n",
					(remaining == 0) ? "Removed" : "Stopped after the limit, removed", removed, expiredRows,
					EXPIRED - instancesLeft, EXPIRED, seconds, removed / seconds, (EXPIRED - instancesLeft) / seconds);
			double[] quiet = sorted(before);
			double[] busy = sorted(during);
			System.out.printf(
					"Dashboard pages (%s): before p50 %.1f p95 %.1f ms (%d samples); during p50 %.1f p95 %.1f"
							+ " p99 %.1f ms (%d samples)%n",
					String.join(" ", pages), DashboardBenchmark.percentile(quiet, 50),
					DashboardBenchmark.percentile(quiet, 95), quiet.length, DashboardBenchmark.percentile(busy, 50),
					DashboardBenchmark.percentile(busy, 95), DashboardBenchmark.percentile(busy, 99), busy.length);
			System.out.println("Target: 100 000 expired requests within the 4 h batch window, dashboard p95 < 100 ms");
			System.out.printf(
					"[bench] history-cleanup: expired=%d rows=%d removed=%d seconds=%.0f rows_per_s=%.0f"
							+ " requests_per_s=%.1f p95_before_ms=%.1f p95_during_ms=%.1f samples_during=%d %s%n",
					EXPIRED, expiredRows, removed, seconds, removed / seconds, (EXPIRED - instancesLeft) / seconds,
					DashboardBenchmark.percentile(quiet, 95), DashboardBenchmark.percentile(busy, 95), busy.length,
					Footprint.heapAfterFullGc());
		}
	}

	/**
	 * Requests started through the engine at the stages of the process and ended (their
	 * history complete, removal time set by the engine), whose history rows the expired
	 * requests copy.
	 */
	private static List<String> templates(RuntimeService runtime) throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int i = 17_000; i < 17_000 + TEMPLATES; i++) {
			DashboardBenchmark.startRequest(runtime, i, LocalDate.of(2027, 9, 14));
			String id = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(
						ExtensionRequestProcess.businessKey("CCM", DashboardBenchmark.code(i), "14MSP"))
				.singleResult()
				.getId();
			// the job executor may be running the new instance's first jobs: try again
			for (int attempt = 1;; attempt++) {
				try {
					runtime.deleteProcessInstance(id, "benchmark template");
					break;
				}
				catch (OptimisticLockingException ex) {
					if (attempt == 20) {
						throw ex;
					}
					Thread.sleep(250);
				}
			}
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Copies the templates' rows of one table {@code EXPIRED} times: each copy's ids
	 * derived from the template's (md5 + copy number, the same in every table), its
	 * business key {@code EXP-n}, its removal time in the past and, for the instance, its
	 * end ten years before that.
	 */
	private static void copy(JdbcClient jdbc, String table, List<String> templates) {
		List<String> columns = jdbc
			.sql("select column_name from information_schema.columns where table_name = ?"
					+ " and table_schema = current_schema() order by ordinal_position")
			.param(table)
			.query(String.class)
			.list();
		if (!columns.contains("root_proc_inst_id_") || !columns.contains("removal_time_")) {
			return;
		}
		String select = columns.stream().map((column) -> {
			if (IDS.contains(column)) {
				return "case when t." + column + " is null then null else md5(t." + column + ") || '-' || s.n end";
			}
			return switch (column) {
				case "business_key_" -> "'EXP-' || s.n";
				case "removal_time_" -> "s.removal";
				case "end_time_" ->
					(table.equals("act_hi_procinst")) ? "s.removal - interval '3650 days'" : "t.end_time_";
				default -> "t." + column;
			};
		}).collect(Collectors.joining(", "));
		long start = System.nanoTime();
		int rows = jdbc
			.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
					+ " t join (select id, row_number() over (order by id) - 1 as k"
					+ " from unnest(array[:templates]) as ids(id)) tpl on t.root_proc_inst_id_ = tpl.id"
					+ " join (select n, now() - interval '1 day' - n * interval '1 second' as removal"
					+ " from generate_series(1, :expired) as n) s on s.n % :count = tpl.k")
			.param("templates", templates)
			.param("expired", EXPIRED)
			.param("count", templates.size())
			.update();
		if (rows > 0) {
			System.out.printf("  %s: %d rows in %.1f s%n", table, rows, (System.nanoTime() - start) / 1e9);
		}
	}

	/** The expired requests' rows of the read model (the cleanup leaves them). */
	private static void copyReadModel(JdbcClient jdbc, List<String> templates) {
		jdbc.sql(
				"""
						insert into dashboard_request (process_instance_id, business_key, convention, state_code, state_name,
						  meeting_code, meeting_first_day, submission_due, submitted_on, current_deadline, requested_deadline,
						  late_submission, status, decision, started_at, ended_at)
						select md5(r.process_instance_id) || '-' || s.n, 'EXP-' || s.n, r.convention, r.state_code, r.state_name,
						  '1MSP', date '2014-09-15', date '2013-12-15', date '2013-11-01', r.current_deadline,
						  r.requested_deadline, false, 'granted', 'granted', now() - interval '3951 days',
						  now() - interval '3651 days'
						from dashboard_request r
						join (select id, row_number() over (order by id) - 1 as k from unnest(array[:templates]) as ids(id)) tpl
						  on r.process_instance_id = tpl.id
						join generate_series(1, :expired) as s(n) on s.n % :count = tpl.k
						""")
			.param("templates", templates)
			.param("expired", EXPIRED)
			.param("count", templates.size())
			.update();
	}

	private static long expiredRows(JdbcClient jdbc) {
		return jdbc
			.sql(TABLES.stream()
				.map((table) -> "(select count(*) from " + table + " where removal_time_ <= now())")
				.collect(Collectors.joining(" + ", "select ", "")))
			.query(Long.class)
			.single();
	}

	private static double time(DashboardBenchmark.Session session, String page) throws Exception {
		long start = System.nanoTime();
		session.get(page);
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	private static double[] sorted(List<Double> values) {
		double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(array);
		return array;
	}

}
