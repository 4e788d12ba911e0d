package org.isu.clearance.request;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.registry.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a unit test: {@code ./mvnw -Pbench test} (the profile runs only
 * {@code *Benchmark}). On a throw-away PostgreSQL database it seeds {@code bench.active}
 * (2 000) open requests through the engine, {@code bench.seedThreads} (3) at a time,
 * spread over the stages of the process, and {@code bench.finished} (100 000) finished
 * ones by SQL ({@code insert … select … generate_series}: running them through the engine
 * would take hours): their history instance with its removal time, the decision task, the
 * end event, the decision variable and its update (what a finished request's page reads),
 * and their row of the read model. It then prints p50/p95/p99 of the dashboard's pages
 * for a signed-in browser session, and for three CSV exports (filtered, unfiltered, every
 * request) the time to the first byte, the rows and the old generation's peak while it
 * streamed. {@code -Dbench.keep=NAME} keeps a copy of the seeded database as NAME (for
 * EXPLAIN ANALYZE).
 */
class DashboardBenchmark {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_bench");

	private static final int ACTIVE = Integer.getInteger("bench.active", 2_000);

	private static final int FINISHED = Integer.getInteger("bench.finished", 100_000);

	private static final int SEED_THREADS = Integer.getInteger("bench.seedThreads", 3);

	private static final int WARM_UP = 30;

	private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

	private static final List<String> STAGES = List.of(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS,
			ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW, ExtensionRequestProcess.TASK_RECORD_STATE_RESPONSE,
			ExtensionRequestProcess.TASK_FINAL_REVIEW, ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS,
			ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION, ExtensionRequestProcess.TASK_PREPARE_PRESENTATION,
			ExtensionRequestProcess.TASK_RECORD_DECISION);

	/**
	 * A database seeded by an earlier run (kept with bench.keep), measured again as it
	 * is.
	 */
	private static final String REUSE = System.getProperty("bench.database", "");

	@Test
	void listAndRequestPagesUnderLoad() throws Exception {
		String url = REUSE.isBlank() ? DATABASE.url() : ScratchDatabase.server() + REUSE;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.properties(Map.of("DB_URL", url, "DB_USER", "postgres", "server.port", "0",
					"camunda.bpm.job-execution.enabled", "false", "clearance.demo.requests", "false",
					"logging.level.org.camunda.bpm.engine.context", "warn"))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			String openKey = ExtensionRequestProcess.businessKey("CCM", code(3), "14MSP");
			String finishedKey = "CCM-F7-8MSP";
			if (REUSE.isBlank()) {
				long seeding = System.nanoTime();
				seedActive(context.getBean(RuntimeService.class), ACTIVE);
				long engineSeconds = Duration.ofNanos(System.nanoTime() - seeding).toSeconds();
				long sql = System.nanoTime();
				seedFinished(jdbc, FINISHED);
				jdbc.sql("vacuum analyze").update();
				System.out.printf(
						"%nSeeded %d open requests through the engine in %d s (%d threads) and %d finished"
								+ " ones by SQL in %d s%n",
						ACTIVE, engineSeconds, SEED_THREADS, FINISHED,
						Duration.ofNanos(System.nanoTime() - sql).toSeconds());
			}
			else {
				jdbc.sql("vacuum analyze").update();
				System.out.printf("%nReusing database %s as seeded by an earlier run%n", REUSE);
			}

			Session session = Session.login("http://127.0.0.1:" + port, "coordinator", "demo");
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("GET / (list page, 50 rows)", "/");
			pages.put("GET /api/extension-requests (50 rows)", "/api/extension-requests");
			pages.put("GET /api/extension-requests?status=all&sort=state",
					"/api/extension-requests?status=all&sort=state");
			pages.put("GET /?status=all&convention=APMBC&sort=started&direction=desc",
					"/?status=all&convention=APMBC&sort=started&direction=desc");
			pages.put("GET /?stage=Task_FinalReview&overdue=true", "/?stage=Task_FinalReview&overdue=true");
			pages.put("GET /requests/" + openKey + " (open)", "/requests/" + openKey);
			pages.put("GET /requests/" + finishedKey + " (finished)", "/requests/" + finishedKey);
			pages.put("GET /work-plan", "/work-plan");
			pages.put("GET /states", "/states");
			System.out.printf("%n%-64s %8s %8s %8s%n", "page (" + SAMPLES + " samples after " + WARM_UP + " warm-up)",
					"p50 ms", "p95 ms", "p99 ms");
			double worst = 0;
			for (Map.Entry<String, String> page : pages.entrySet()) {
				for (int i = 0; i < WARM_UP; i++) {
					session.get(page.getValue());
				}
				double[] millis = new double[SAMPLES];
				for (int i = 0; i < SAMPLES; i++) {
					long start = System.nanoTime();
					session.get(page.getValue());
					millis[i] = (System.nanoTime() - start) / 1_000_000.0;
				}
				Arrays.sort(millis);
				worst = Math.max(worst, percentile(millis, 95));
				System.out.printf("%-64s %8.1f %8.1f %8.1f%n", page.getKey(), percentile(millis, 50),
						percentile(millis, 95), percentile(millis, 99));
			}
			System.out.println("Target: p95 < 100 ms");
			Map<String, String> exports = new LinkedHashMap<>();
			exports.put("filtered", "/requests.csv?status=all&convention=CCM");
			exports.put("unfiltered", "/requests.csv");
			exports.put("all", "/requests.csv?status=all");
			List<String> exported = new ArrayList<>();
			for (Map.Entry<String, String> export : exports.entrySet()) {
				Download download = session.download(export.getValue());
				System.out.printf("export %-60s first byte %6.0f ms, %8d rows, %6.1f s, old gen peak %d MB%n",
						"GET " + export.getValue(), download.firstByteMillis(), download.rows(),
						download.totalMillis() / 1000.0, download.oldGenPeakMb());
				exported.add(String.format(
						"csv_%s_rows=%d csv_%s_first_byte_ms=%.0f csv_%s_s=%.1f csv_%s_old_gen_peak_mb=%d",
						export.getKey(), download.rows(), export.getKey(), download.firstByteMillis(), export.getKey(),
						download.totalMillis() / 1000.0, export.getKey(), download.oldGenPeakMb()));
			}
			System.out.println("Target: first byte < 500 ms, heap flat");
			System.out.printf("[bench] dashboard: open=%d finished=%d worst_p95_ms=%.1f %s %s%n", ACTIVE, FINISHED,
					worst, String.join(" ", exported), Footprint.heapAfterFullGc());
		}
		String keep = System.getProperty("bench.keep");
		if (keep != null && !keep.isBlank() && REUSE.isBlank()) {
			try (Connection connection = DriverManager.getConnection(ScratchDatabase.server() + "postgres",
					ScratchDatabase.USER, ""); Statement statement = connection.createStatement()) {
				statement.execute("create database " + keep + " template " + DATABASE.name());
			}
			System.out.println("Seeded database kept as " + keep);
		}
	}

	/**
	 * Starts the open requests; request 3 (CCM-AAD-14MSP) waits at the final review.
	 */
	static void seedActive(RuntimeService runtime, int count) throws Exception {
		LocalDate meetingDay = LocalDate.of(2027, 9, 14);
		AtomicInteger started = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int n = 0; n < count; n++) {
				int i = n;
				results.add(pool.submit(() -> {
					startRequest(runtime, i, meetingDay);
					if (started.incrementAndGet() % 1000 == 0) {
						System.out.printf("  %d open requests started%n", started.get());
					}
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	static void startRequest(RuntimeService runtime, int i, LocalDate meetingDay) {
		String code = code(i);
		String stage = STAGES.get(i % STAGES.size());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ExtensionRequestProcess.CONVENTION, "CCM");
		variables.put(ExtensionRequestProcess.STATE_CODE, code);
		variables.put(ExtensionRequestProcess.STATE_NAME, "Bench State " + code);
		variables.put(ExtensionRequestProcess.FOCAL_POINT_EMAIL, "focal." + code.toLowerCase() + "@example.org");
		variables.put(ExtensionRequestProcess.PREFERRED_LANGUAGE, "en");
		variables.put(ExtensionRequestProcess.MEETING_CODE, "14MSP");
		variables.put(ExtensionRequestProcess.MEETING_FIRST_DAY, meetingDay.toString());
		variables.put(ExtensionRequestProcess.MEETING_LAST_DAY, meetingDay.plusDays(3).toString());
		variables.put(ExtensionRequestProcess.CURRENT_DEADLINE, "2027-10-01");
		variables.put(ExtensionRequestProcess.REQUESTED_DEADLINE, "2029-10-01");
		variables.put(ExtensionRequestProcess.LATEST_ALLOWED_DEADLINE, "2032-10-01");
		variables.put(ExtensionRequestProcess.SUBMITTED_ON, LocalDate.of(2026, 10, 1).plusDays(i % 60).toString());
		variables.put(ExtensionRequestProcess.SUBMISSION_DUE, "2026-12-14");
		variables.put(ExtensionRequestProcess.LATE_SUBMISSION, false);
		variables.put(ExtensionRequestProcess.SUMMARY, "Benchmark request " + i);
		variables.put(ExtensionRequestProcess.RAPPORTEUR, (i % 2 == 0) ? "ag-member" : "ag-member2");
		// a plain list, as RequestPreparation writes it (an immutable JDK list would be
		// rewritten by LanguagesVariableUpgrade at every start on the seeded database)
		variables.put(ExtensionRequestProcess.LANGUAGES, new ArrayList<>(Language.codes()));
		// what a request's own start records (without it every start of the application
		// would complete each of these requests one by one: RunningRequestRecords)
		variables.put(ExtensionRequestProcess.REVIEW_BODY, "Analysis Group");
		variables.put(ExtensionRequestProcess.COMPLETENESS_CHECKLIST, "- ☐ (a) the duration of the proposed extension");
		runtime.createProcessInstanceByKey(ExtensionRequestProcess.PROCESS_KEY)
			.businessKey(ExtensionRequestProcess.businessKey("CCM", code, "14MSP"))
			.setVariables(variables)
			.startBeforeActivity(stage)
			.execute();
	}

	/**
	 * The finished requests, {@code bench-1} … {@code bench-FINISHED}: what the engine's
	 * history holds of a request that ended with its decision (instance with its removal
	 * time, end time + the 10 years' time to live (ended from 2019 on: none expired
	 * before 2029), the decision task and its activity, the end event, the decision
	 * variable and its update) and its read-model row; bench-7 is CCM-F7-8MSP.
	 */
	static void seedFinished(JdbcClient jdbc, int count) {
		String definition = jdbc
			.sql("select ID_ from ACT_RE_PROCDEF where KEY_ = 'extension-request' order by VERSION_ desc limit 1")
			.query(String.class)
			.single();
		String series = """
				from (select n, 'bench-' || n as id, timestamp '2019-01-01' + n * interval '1 minute' as ended,
				  case when n % 10 = 0 then 'refused' else 'granted' end as decision
				  from generate_series(1, :count) as n) s
				""";
		insert(jdbc, count, "ACT_HI_PROCINST", definition,
				"""
						insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
						  END_TIME_, REMOVAL_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
						select id, id, 'CCM-F' || n || '-' || (n % 15 + 1) || 'MSP', 'extension-request', :definition,
						  ended - interval '300 days', ended, ended + interval '3650 days', 300 * 86400000::bigint,
						  'StartEvent_RequestReceived',
						  case when decision = 'refused' then 'End_ExtensionRefused' else 'End_ExtensionGranted' end, id, 'COMPLETED'
						"""
						+ series);
		insert(jdbc, count, "ACT_HI_TASKINST", definition,
				"""
						insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
						  EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_,
						  DUE_DATE_, REMOVAL_TIME_, TASK_STATE_)
						select id || '-task', 'Task_RecordDecision', 'extension-request', :definition, id, id, id,
						  'Task_RecordDecision:' || id, 'Record the decision', 'isu-officer', ended - interval '2 days', ended,
						  2 * 86400000::bigint, 'completed', 50, ended + interval '1 day', ended + interval '3650 days', 'Completed'
						"""
						+ series);
		insert(jdbc, count, "ACT_HI_ACTINST", definition,
				"""
						insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
						  ACT_ID_, TASK_ID_, ACT_NAME_, ACT_TYPE_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_,
						  SEQUENCE_COUNTER_, REMOVAL_TIME_)
						select 'Task_RecordDecision:' || id, 'extension-request', :definition, id, id, id, 'Task_RecordDecision',
						  id || '-task', 'Record the decision', 'userTask', 'isu-officer', ended - interval '2 days', ended,
						  2 * 86400000::bigint, 1, 1, ended + interval '3650 days'
						"""
						+ series);
		insert(jdbc, count, "ACT_HI_VARINST", definition,
				"""
						insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
						  ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_, REMOVAL_TIME_)
						select id || '-decision', 'extension-request', :definition, id, id, id, id, 'decision', 'string', ended, 1,
						  decision, 'CREATED', ended + interval '3650 days'
						"""
						+ series);
		insert(jdbc, count, "ACT_HI_DETAIL", definition, """
				insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
				  EXECUTION_ID_, ACT_INST_ID_, VAR_INST_ID_, NAME_, VAR_TYPE_, REV_, TIME_, TEXT_, SEQUENCE_COUNTER_,
				  REMOVAL_TIME_, INITIAL_)
				select id || '-decision-0', 'VariableUpdate', 'extension-request', :definition, id, id, id,
				  'Task_RecordDecision:' || id, id || '-decision', 'decision', 'string', 0, ended - interval '1 hour',
				  decision, 1, ended + interval '3650 days', true
				""" + series);
		insert(jdbc, count, "dashboard_request", definition,
				"""
						insert into dashboard_request (process_instance_id, business_key, convention, state_code, state_name,
						  meeting_code, meeting_first_day, submission_due, submitted_on, current_deadline, requested_deadline,
						  late_submission, status, decision, started_at, ended_at)
						select id, 'CCM-F' || n || '-' || (n % 15 + 1) || 'MSP', case when n % 3 = 0 then 'APMBC' else 'CCM' end,
						  chr(65 + n % 26) || chr(65 + (n / 26) % 26) || chr(65 + (n / 676) % 26), 'Finished State ' || n,
						  (n % 15 + 1) || 'MSP', date '2015-09-15' + (n % 15) * 365, date '2014-12-15' + (n % 15) * 365,
						  date '2014-11-01' + (n % 15) * 365, date '2016-01-01' + (n % 15) * 365,
						  date '2019-01-01' + (n % 15) * 365, n % 7 = 0, decision, decision, ended - interval '300 days', ended
						"""
						+ series);
	}

	private static void insert(JdbcClient jdbc, int count, String table, String definition, String sql) {
		long start = System.nanoTime();
		int rows = jdbc.sql(sql).param("count", count).param("definition", definition).update();
		System.out.printf("  %s: %d rows in %.1f s%n", table, rows, (System.nanoTime() - start) / 1e9);
	}

	static String code(int i) {
		return "" + (char) ('A' + i / 676 % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
	}

	static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private record Download(double firstByteMillis, double totalMillis, long rows, long oldGenPeakMb) {

	}

	/**
	 * A browser's session: signed in once through the login form.
	 */
	record Session(HttpClient client, String base, String cookie) {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		static Session login(String base, String user, String password) throws Exception {
			HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(form.body());
			if (!csrf.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String anonymous = cookie(form);
			HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", anonymous)
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Session(client, base, cookie(login));
		}

		private static String cookie(HttpResponse<?> response) {
			return response.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((value) -> value.startsWith("JSESSIONID="))
				.map((value) -> value.substring(0, value.indexOf(';')))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no session cookie"));
		}

		/**
		 * Reads a download to its end without keeping it, counting its lines; the old
		 * generation's peak (after a reset) says whether the application kept the rows.
		 */
		Download download(String path) throws Exception {
			MemoryPoolMXBean oldGen = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
				.findFirst()
				.orElseThrow();
			System.gc();
			oldGen.resetPeakUsage();
			long start = System.nanoTime();
			HttpResponse<InputStream> response = this.client.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("Cookie", this.cookie).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			double firstByte = 0;
			long lines = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream body = response.body()) {
				int read;
				boolean first = true;
				while ((read = body.read(buffer)) >= 0) {
					if (first && read > 0) {
						firstByte = (System.nanoTime() - start) / 1_000_000.0;
						first = false;
					}
					for (int i = 0; i < read; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
			double total = (System.nanoTime() - start) / 1_000_000.0;
			return new Download(firstByte, total, lines - 1, oldGen.getPeakUsage().getUsed() >> 20);
		}

		void get(String path) throws Exception {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("Cookie", this.cookie).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
		}

	}

}
