package org.isu.clearance.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.registry.Language;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a unit test: {@code ./mvnw -Pbench test} (the profile runs only
 * {@code *Benchmark}). On a throw-away PostgreSQL database it seeds 2 000 open requests
 * through the engine (spread over the stages of the process) and 100 000 finished ones
 * (by SQL into the engine's history table and the dashboard's read model: running them
 * through the engine would take hours), then prints p50/p95/p99 of the request list page,
 * the list API and one request's page, for a signed-in browser session.
 */
class DashboardBenchmark {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_bench");

	private static final int ACTIVE = Integer.getInteger("bench.active", 2_000);

	private static final int FINISHED = Integer.getInteger("bench.finished", 100_000);

	private static final int WARM_UP = 30;

	private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

	private static final List<String> STAGES = List.of(ExtensionRequestProcess.TASK_CHECK_COMPLETENESS,
			ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW, ExtensionRequestProcess.TASK_RECORD_STATE_RESPONSE,
			ExtensionRequestProcess.TASK_FINAL_REVIEW, ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS,
			ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION, ExtensionRequestProcess.TASK_PREPARE_PRESENTATION,
			ExtensionRequestProcess.TASK_RECORD_DECISION);

	@Test
	void listAndRequestPagesUnderLoad() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.properties(Map.of("DB_URL", DATABASE.url(), "DB_USER", "postgres", "server.port", "0",
					"camunda.bpm.job-execution.enabled", "false", "clearance.demo.requests", "false",
					"logging.level.org.camunda.bpm.engine.context", "warn"))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			long seeding = System.nanoTime();
			String someKey = seedActive(context.getBean(RuntimeService.class));
			seedFinished(JdbcClient.create(context.getBean(DataSource.class)));
			JdbcClient.create(context.getBean(DataSource.class)).sql("analyze").update();
			System.out.printf("%nSeeded %d open and %d finished requests in %d s%n", ACTIVE, FINISHED,
					Duration.ofNanos(System.nanoTime() - seeding).toSeconds());

			Session session = Session.login("http://127.0.0.1:" + port, "coordinator", "demo");
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("GET / (list page, 50 rows)", "/");
			pages.put("GET /api/extension-requests (50 rows)", "/api/extension-requests");
			pages.put("GET /api/extension-requests?status=all&sort=state",
					"/api/extension-requests?status=all&sort=state");
			pages.put("GET /?stage=Task_FinalReview&overdue=true", "/?stage=Task_FinalReview&overdue=true");
			pages.put("GET /requests/" + someKey, "/requests/" + someKey);
			System.out.printf("%n%-60s %8s %8s %8s%n", "page (" + SAMPLES + " samples after " + WARM_UP + " warm-up)",
					"p50 ms", "p95 ms", "p99 ms");
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
				System.out.printf("%-60s %8.1f %8.1f %8.1f%n", page.getKey(), percentile(millis, 50),
						percentile(millis, 95), percentile(millis, 99));
			}
			System.out.println("Target: p95 < 100 ms");
			System.out.printf("[bench] dashboard: open=%d finished=%d %s%n", ACTIVE, FINISHED,
					Footprint.heapAfterFullGc());
		}
	}

	private static String seedActive(RuntimeService runtime) {
		String firstKey = null;
		LocalDate meetingDay = LocalDate.of(2027, 9, 14);
		for (int i = 0; i < ACTIVE; i++) {
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
			variables.put(ExtensionRequestProcess.LANGUAGES, Language.codes());
			String key = ExtensionRequestProcess.businessKey("CCM", code, "14MSP");
			runtime.createProcessInstanceByKey(ExtensionRequestProcess.PROCESS_KEY)
				.businessKey(key)
				.setVariables(variables)
				.startBeforeActivity(stage)
				.execute();
			if (firstKey == null && stage.equals(ExtensionRequestProcess.TASK_FINAL_REVIEW)) {
				firstKey = key;
			}
			if ((i + 1) % 500 == 0) {
				System.out.printf("  %d open requests started%n", i + 1);
			}
		}
		return firstKey;
	}

	private static void seedFinished(JdbcClient jdbc) {
		jdbc.sql(
				"""
						insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
						  END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
						select 'bench-' || n, 'bench-' || n, 'CCM-F' || n || '-' || (n % 15 + 1) || 'MSP', 'extension-request',
						  (select ID_ from ACT_RE_PROCDEF where KEY_ = 'extension-request' order by VERSION_ desc limit 1),
						  timestamp '2015-01-01' + n * interval '1 hour', timestamp '2015-06-01' + n * interval '1 hour',
						  86400000, 'StartEvent_RequestReceived',
						  case when n % 10 = 0 then 'End_ExtensionRefused' else 'End_ExtensionGranted' end, 'bench-' || n,
						  'COMPLETED'
						from generate_series(1, :count) as n
						""")
			.param("count", FINISHED)
			.update();
		jdbc.sql(
				"""
						insert into dashboard_request (process_instance_id, business_key, convention, state_code, state_name,
						  meeting_code, meeting_first_day, submission_due, submitted_on, current_deadline, requested_deadline,
						  late_submission, status, decision, started_at, ended_at)
						select 'bench-' || n, 'CCM-F' || n || '-' || (n % 15 + 1) || 'MSP', case when n % 3 = 0 then 'APMBC' else 'CCM' end,
						  chr(65 + n % 26) || chr(65 + (n / 26) % 26) || chr(65 + (n / 676) % 26), 'Finished State ' || n,
						  (n % 15 + 1) || 'MSP', date '2015-09-15' + (n % 15) * 365, date '2014-12-15' + (n % 15) * 365,
						  date '2014-11-01' + (n % 15) * 365, date '2016-01-01' + (n % 15) * 365,
						  date '2019-01-01' + (n % 15) * 365, n % 7 = 0,
						  case when n % 10 = 0 then 'refused' else 'granted' end,
						  case when n % 10 = 0 then 'refused' else 'granted' end,
						  timestamp '2015-01-01' + n * interval '1 hour', timestamp '2015-06-01' + n * interval '1 hour'
						from generate_series(1, :count) as n
						""")
			.param("count", FINISHED)
			.update();
	}

	private static String code(int i) {
		return "" + (char) ('A' + i / 676 % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/**
	 * A browser's session: signed in once through the login form.
	 */
	private record Session(HttpClient client, String base, String cookie) {

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
