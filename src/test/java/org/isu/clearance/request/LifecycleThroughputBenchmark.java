package org.isu.clearance.request;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ClearanceApplication;
import org.isu.clearance.Footprint;
import org.isu.clearance.ScratchDatabase;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.document.Documents;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.isu.clearance.request.ExtensionRequestProcess.COMMITTEE_OBSERVATIONS;
import static org.isu.clearance.request.ExtensionRequestProcess.INTERSESSIONAL_PRESENTATION;
import static org.isu.clearance.request.ExtensionRequestProcess.INTERSESSIONAL_PRESENTED_ON;
import static org.isu.clearance.request.ExtensionRequestProcess.LANGUAGE;
import static org.isu.clearance.request.ExtensionRequestProcess.PRESENTATION_NOTES;
import static org.isu.clearance.request.ExtensionRequestProcess.REQUEST_COMPLETE;
import static org.isu.clearance.request.ExtensionRequestProcess.TIMER_MEETING_OPENS;

/**
 * Not a test: the second half of {@code bench/lifecycle-throughput.sh} (Maven profile
 * {@code bench}). On a fresh PostgreSQL database it starts the application as shipped
 * (postgres profile: full history, authorization on, job executor on), registers
 * {@code bench.requests} (1 000) States, half CCM and half APMBC, and drives one
 * extension request per State from its start to its decision through the Java API with
 * {@code bench.threads} (4) threads, as the demo users would: each task claimed and
 * completed by a user of its group with valid outcomes, the meeting timer fired. It
 * prints the lifecycle summary line, with {@code bench.pgbenchTps} (measured by the
 * script just before) as the database's ceiling. {@code -Dbench.keep=true} keeps the
 * scratch database for a look at what the run wrote (its name is printed).
 */
class LifecycleThroughputBenchmark {

	@Test
	void measure() throws Exception {
		int requests = Integer.getInteger("bench.requests", 1_000);
		int threads = Integer.getInteger("bench.threads", 4);
		double pgbenchTps = Double.parseDouble(System.getProperty("bench.pgbenchTps", "0"));
		ScratchDatabase database = new ScratchDatabase("clearance_bench");
		database.create();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClearanceApplication.class)
			.profiles("postgres")
			.properties(Map.of("DB_URL", database.url(), "DB_USER", "postgres"))
			.run("--server.port=0", "--clearance.demo.requests=false",
					"--logging.level.org.camunda.bpm.engine.context=warn")) {
			Registry registry = context.getBean(Registry.class);
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			// each State of both conventions once; the next request of a State (the
			// previous one granted) asks to extend its new deadline
			// States of their own (not the demo registry's), both conventions alternating
			List<StatePartyInput> own = new ArrayList<>();
			for (int s = 0; s < 2 * CODES.size() && own.size() < requests; s++) {
				StatePartyInput state = state(s);
				if (registry.findState(state.convention(), state.code()).isEmpty()) {
					registry.createState(state);
					own.add(state);
				}
			}
			int states = own.size();
			Driver driver = new Driver(context, registry, own);
			long jobsBefore = successfulJobs(jdbc);
			Thread.sleep(1500);
			Map<String, Long> writesBefore = writesPerTable(jdbc);
			long commitsBefore = commits(jdbc);
			long cpuBefore = processCpuNanos();
			long started = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<?>> work = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int first = t;
					// one State is always driven by the same thread, one request after
					// the other
					work.add(pool.submit(() -> {
						for (int i = 0; i < requests; i++) {
							if (i % states % threads == first) {
								driver.request(own.get(i % states));
							}
						}
						return null;
					}));
				}
				for (Future<?> future : work) {
					future.get(2, TimeUnit.HOURS);
				}
			}
			finally {
				pool.shutdown();
			}
			// the last decisions' asynchronous steps (letters) still run on the job
			// executor
			driver.awaitAllEnded(Duration.ofMinutes(5));
			double seconds = (System.nanoTime() - started) / 1e9;
			double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
			long jobs = successfulJobs(jdbc) - jobsBefore;
			long ended = jdbc
				.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'extension-request' "
						+ "and end_act_id_ = 'End_ExtensionGranted'")
				.query(Long.class)
				.single();
			double completionsPerSecond = driver.completions.get() / seconds;
			// where the database work goes: rows written per task completion, by table
			Thread.sleep(1500);
			double perCompletion = driver.completions.get();
			Map<String, Long> writes = writesPerTable(jdbc);
			writes.replaceAll((table, rows) -> rows - writesBefore.getOrDefault(table, 0L));
			System.out.printf(
					"%n[bench] per task completion: %.1f ms CPU of this JVM (%.2f cores busy), %.1f commits, "
							+ "%.1f rows written; by table:",
					1000 * cpuSeconds / perCompletion, cpuSeconds / seconds,
					(commits(jdbc) - commitsBefore) / perCompletion,
					writes.values().stream().mapToLong(Long::longValue).sum() / perCompletion);
			writes.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(12)
				.forEach((entry) -> System.out.printf(" %s %.1f", entry.getKey(), entry.getValue() / perCompletion));
			System.out.println();
			System.out.printf(
					"%n[bench] %d requests granted of %d, %d task completions, %d jobs in %.1f s "
							+ "(%.1f completions per request, %.1f jobs per request)%n",
					ended, requests, driver.completions.get(), jobs, seconds,
					driver.completions.get() / (double) requests, jobs / (double) requests);
			System.out.printf(
					"[bench] lifecycle: requests=%d requests_per_s=%.2f task_completions_per_s=%.1f jobs_per_s=%.1f "
							+ "pgbench_tps=%.0f ratio=%.3f %s%n%n",
					requests, ended / seconds, completionsPerSecond, jobs / seconds, pgbenchTps,
					(pgbenchTps > 0) ? completionsPerSecond / pgbenchTps : 0.0, Footprint.heapAfterFullGc());
		}
		finally {
			if (Boolean.getBoolean("bench.keep")) {
				System.out.println("[bench] database kept: " + database.name());
			}
			else {
				database.close();
			}
		}
	}

	/**
	 * CPU time of this JVM so far (every thread: the driver, the job executor, the JIT
	 * and the GC).
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * Rows inserted, updated and deleted so far, per table (PostgreSQL's statistics).
	 */
	private static Map<String, Long> writesPerTable(JdbcClient jdbc) {
		Map<String, Long> writes = new HashMap<>();
		jdbc.sql("select relname, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables")
			.query((rs, row) -> writes.put(rs.getString("relname"), rs.getLong("n")))
			.list();
		return writes;
	}

	private static long commits(JdbcClient jdbc) {
		return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	private static long successfulJobs(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 2").query(Long.class).single();
	}

	/**
	 * The ISO 3166 alpha-3 codes the registry accepts.
	 */
	static final List<String> CODES = java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3)
		.stream()
		.sorted()
		.toList();

	/**
	 * State {@code s}: CCM for even, APMBC for odd numbers, with a deadline whose meeting
	 * is still ahead.
	 */
	static StatePartyInput state(int s) {
		Convention convention = convention(s);
		String code = CODES.get(s / 2);
		return new StatePartyInput(convention, code, "Bench State " + code, LocalDate.parse("2012-01-01"),
				(convention == Convention.CCM) ? LocalDate.parse("2028-11-01") : LocalDate.parse("2029-03-01"),
				"focal." + code.toLowerCase() + "@example.org", (s % 3 == 0) ? Language.fr : Language.en, null,
				"benchmark");
	}

	static Convention convention(int s) {
		return (s % 2 == 0) ? Convention.CCM : Convention.APMBC;
	}

	/**
	 * Drives requests as the demo users would.
	 */
	static final class Driver {

		final AtomicLong completions = new AtomicLong();

		private final ExtensionRequests requests;

		private final TaskService tasks;

		private final RuntimeService runtime;

		private final ManagementService management;

		private final IdentityService identity;

		private final Registry registry;

		private final Documents documents;

		Driver(ConfigurableApplicationContext context, Registry registry, List<StatePartyInput> states) {
			this.registry = registry;
			this.documents = context.getBean(Documents.class);
			this.requests = context.getBean(ExtensionRequests.class);
			this.tasks = context.getBean(TaskService.class);
			this.runtime = context.getBean(RuntimeService.class);
			this.management = context.getBean(ManagementService.class);
			this.identity = context.getBean(IdentityService.class);
		}

		void request(StatePartyInput state) throws InterruptedException {
			Convention convention = state.convention();
			String code = state.code();
			String requested = this.registry.state(convention, code).clearanceDeadline().plusYears(3).toString();
			Map<String, Object> input = new HashMap<>();
			input.put("convention", convention.name());
			input.put("stateCode", code);
			input.put("requestedDeadline", requested);
			input.put("submittedOn", LocalDate.now().toString());
			input.put("summary", "Clearance of the remaining contaminated area needs more time.");
			ExtensionRequests.StartedRequest started = as("isu-officer", "isu", () -> this.requests.start(input));
			String instance = started.processInstanceId();
			long idle = 0;
			while (true) {
				List<Task> open = this.tasks.createTaskQuery().processInstanceId(instance).active().list();
				if (!open.isEmpty()) {
					for (Task task : open) {
						complete(task, requested, started.businessKey());
					}
					continue;
				}
				Job timer = this.management.createJobQuery()
					.processInstanceId(instance)
					.activityId(TIMER_MEETING_OPENS)
					.singleResult();
				if (timer != null) {
					// the meeting opens
					this.management.executeJob(timer.getId());
					continue;
				}
				if (ended(instance)) {
					return;
				}
				// an asynchronous step (a letter) runs on the job executor
				if (++idle > 3000) {
					throw new IllegalStateException("request " + instance + " makes no progress");
				}
				Thread.sleep(10);
			}
		}

		private static String reviewer(Task task) {
			return (task.getAssignee() != null) ? task.getAssignee() : "ag-member";
		}

		private static String reviewGroup(String reviewer) {
			return "committee-member".equals(reviewer) ? "article5-committee" : "analysis-group";
		}

		private void complete(Task task, String requested, String businessKey) {
			String key = task.getTaskDefinitionKey();
			Map<String, Object> outcome;
			String user;
			String group;
			switch (key) {
				case ExtensionRequestProcess.TASK_CHECK_COMPLETENESS -> {
					user = "isu-officer";
					group = "isu";
					outcome = Map.of(REQUEST_COMPLETE, true);
					// the ISU checks the State's request: it is in the record
					DocumentFixtures.attach(this.documents, businessKey, "request", "en");
				}
				case ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW -> {
					user = reviewer(task);
					group = reviewGroup(user);
					outcome = RequestFixtures.preliminaryReview(false);
				}
				case ExtensionRequestProcess.TASK_INTERSESSIONAL_PRESENTATION -> {
					// the APMBC's June intersessional meetings
					user = reviewer(task);
					group = reviewGroup(user);
					outcome = Map.of(INTERSESSIONAL_PRESENTED_ON, java.time.LocalDate.now().toString(),
							INTERSESSIONAL_PRESENTATION, "Presented.", COMMITTEE_OBSERVATIONS, "Observations.");
				}
				case ExtensionRequestProcess.TASK_FINAL_REVIEW -> {
					user = reviewer(task);
					group = reviewGroup(user);
					outcome = RequestFixtures.finalReview("grant", requested);
				}
				case ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS -> {
					user = "coordinator";
					group = "coordinators";
					outcome = RequestFixtures.endorsement(true, null);
				}
				case ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION -> {
					user = "isu-officer";
					group = "isu";
					String language = (String) as(user, group, () -> this.tasks.getVariable(task.getId(), LANGUAGE));
					outcome = RequestFixtures.translation("BENCH/" + task.getProcessInstanceId() + "/" + language);
					DocumentFixtures.attach(this.documents, businessKey, "analysis-official", language);
				}
				case ExtensionRequestProcess.TASK_PREPARE_PRESENTATION -> {
					user = "coordinator";
					group = "coordinators";
					outcome = Map.of(PRESENTATION_NOTES, "Presentation ready.");
				}
				case ExtensionRequestProcess.TASK_RECORD_DECISION -> {
					user = "isu-officer";
					group = "isu";
					outcome = RequestFixtures.decision("granted", requested);
				}
				default -> throw new IllegalStateException("the benchmark does not expect " + key);
			}
			as(user, group, () -> {
				if (task.getAssignee() == null) {
					this.tasks.claim(task.getId(), user);
				}
				this.tasks.complete(task.getId(), outcome);
				return null;
			});
			this.completions.incrementAndGet();
		}

		private boolean ended(String instance) {
			return this.runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
		}

		void awaitAllEnded(Duration timeout) throws InterruptedException {
			long giveUp = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < giveUp && this.management.createJobQuery().executable().count() > 0) {
				Thread.sleep(100);
			}
		}

		private <T> T as(String user, String group, java.util.concurrent.Callable<T> call) {
			this.identity.setAuthentication(user, List.of(group));
			try {
				return call.call();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				this.identity.clearAuthentication();
			}
		}

	}

}
