package org.isu.clearance.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.isu.clearance.operations.ClusterClient.Response;
import org.isu.clearance.operations.SmtpSink.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault tests on two application processes sharing one PostgreSQL database (see
 * {@link FaultCluster}), driven over HTTP like the users would, each printing its figures
 * on one line. Run with {@code ./mvnw -Pfault verify}.
 * <ol>
 * <li>bad input under load: only 4xx, and the good traffic beside it unharmed;</li>
 * <li>200 requests through their lifecycle on alternating nodes, then 1 000 reminders
 * falling due together: every request where it should be, every mail delivered once;</li>
 * <li>the mail server down while reminders fall due: the outbox holds them, the gauges
 * show it, and every mail arrives once when the server is back;</li>
 * <li>{@code kill -9} of one node during a burst of task completions and reminders: every
 * acknowledged completion kept, nothing stuck, every mail delivered once.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

	static final String PROCESS = "extension-request";

	static final String OFFICER = "isu-officer";

	static final String COORDINATOR = "coordinator";

	/** Extra ISU members: a reminder to the ISU then reaches five people. */
	static final List<String> EXTRA_ISU = List.of("fault-isu-1", "fault-isu-2", "fault-isu-3", "fault-isu-4");

	static final int ISU_MEMBERS = 1 + EXTRA_ISU.size();

	/** The user the password guesser aims at. */
	static final String LOCKOUT_TARGET = "fault-lockout";

	static final int LIFECYCLE_REQUESTS = 200;

	static final int CLIENT_THREADS = 8;

	static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

	private FaultCluster cluster;

	private final ClusterClient client = new ClusterClient();

	private final AtomicLong calls = new AtomicLong();

	private final List<String> freeCcmCodes = new ArrayList<>();

	private final List<String> freeApmbcCodes = new ArrayList<>();

	@BeforeAll
	void startCluster() throws Exception {
		long started = System.nanoTime();
		this.cluster = FaultCluster.start(2);
		System.out.printf("fault: nodes=2 started_in_s=%.1f database=PostgreSQL smtp=127.0.0.1:%d%n",
				(System.nanoTime() - started) / 1e9, this.cluster.smtp().port());
		for (String user : EXTRA_ISU) {
			createUser(user, "isu");
		}
		createUser(LOCKOUT_TARGET, null);
		this.freeCcmCodes.addAll(freeCodes("CCM"));
		this.freeApmbcCodes.addAll(freeCodes("APMBC"));
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	// ---------------------------------------------------------------- 4. bad input

	@Test
	@Order(1)
	void badInputUnderLoadGetsOnly4xxAndLeavesGoodTrafficUnharmed() throws Exception {
		List<Hostile> hostile = hostileRequests();
		int rounds = 15;
		ConcurrentHashMap<String, Integer> unexpected = new ConcurrentHashMap<>();
		ConcurrentHashMap<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
		AtomicLong bad = new AtomicLong();
		AtomicLong good = new AtomicLong();
		AtomicLong goodFailed = new AtomicLong();
		ConcurrentLinkedQueue<String> goodFailures = new ConcurrentLinkedQueue<>();
		AtomicBoolean attacking = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
		try {
			List<Future<?>> attackers = new ArrayList<>();
			for (int t = 0; t < CLIENT_THREADS - 2; t++) {
				int thread = t;
				attackers.add(pool.submit(() -> {
					for (int round = 0; round < rounds; round++) {
						for (int i = thread; i < hostile.size(); i += CLIENT_THREADS - 2) {
							Hostile request = hostile.get(i);
							Response response = request.send(this.client, next());
							bad.incrementAndGet();
							statuses.computeIfAbsent(request.name(), (name) -> ConcurrentHashMap.newKeySet())
								.add(response.status());
							if (response.status() < 400 || response.status() >= 500) {
								unexpected.merge(request.name() + " → " + response.status(), 1, Integer::sum);
							}
						}
					}
					return null;
				}));
			}
			List<Future<?>> users = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				users.add(pool.submit(() -> {
					int n = 0;
					while (attacking.get()) {
						Response response = switch (n++ % 3) {
							case 0 -> this.client.get(next(), OFFICER, "/api/states?convention=CCM");
							case 1 -> this.client.get(next(), COORDINATOR, "/api/meetings/CCM/13MSP");
							default -> this.client.get(next(), OFFICER, "/engine-rest/task/count");
						};
						good.incrementAndGet();
						if (!response.ok()) {
							goodFailed.incrementAndGet();
							if (goodFailures.size() < 10) {
								goodFailures.add(response.status() + " " + response.body());
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> attacker : attackers) {
				attacker.get();
			}
			attacking.set(false);
			for (Future<?> user : users) {
				user.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		// the registry still answers and holds none of the hostile States
		Response states = this.client.get(next(), OFFICER, "/api/states?convention=CCM");
		assertThat(states.status()).isEqualTo(200);
		assertThat(states.body()).doesNotContain("X-Injected", "evil@example.org", "DROP TABLE");

		System.out.printf(
				"fault: scenario=bad-input kinds=%d bad_requests=%d not_4xx=%d good_requests=%d good_failed=%d%n",
				hostile.size(), bad.get(), unexpected.values().stream().mapToInt(Integer::intValue).sum(), good.get(),
				goodFailed.get());
		statuses.forEach((name, codes) -> System.out.printf("fault:   %s → %s%n", name, codes));
		assertThat(unexpected).as("hostile requests not answered with 4xx").isEmpty();
		assertThat(goodFailures).as("good requests that failed beside the attack").isEmpty();
	}

	private List<Hostile> hostileRequests() {
		String json = "application/json";
		String valid = ClusterClient.json(state("CCM", "ZZA", "focal@example.org"));
		String huge = "x".repeat(1_000_000);
		String nested = "[".repeat(5_000) + "]".repeat(5_000);
		List<Hostile> list = new ArrayList<>();
		list.add(new Hostile("bad JSON", OFFICER, "POST", "/api/states", json, "{\"convention\": \"CCM\", "));
		list.add(new Hostile("JSON array for an object", OFFICER, "POST", "/api/states", json, "[1, 2, 3]"));
		list.add(new Hostile("deeply nested JSON", OFFICER, "POST", "/api/states", json, nested));
		list.add(new Hostile("unknown field", OFFICER, "POST", "/api/states", json,
				valid.replaceFirst("\\{", "{\"admin\": true, ")));
		list.add(new Hostile("huge name", OFFICER, "POST", "/api/states", json,
				ClusterClient.json(Map.of("convention", "CCM", "code", "NOR", "name", huge, "entryIntoForce",
						"2010-08-01", "clearanceDeadline", "2030-01-01", "focalPointEmail", "focal@example.org",
						"preferredLanguage", "en"))));
		list.add(new Hostile("huge summary", OFFICER, "POST", "/api/extension-requests", json,
				ClusterClient.json(Map.of("convention", "CCM", "stateCode", "IRQ", "requestedDeadline", "2031-01-01",
						"submittedOn", LocalDate.now().toString(), "summary", huge))));
		list.add(new Hostile("header injection in an e-mail address", OFFICER, "POST", "/api/states", json,
				ClusterClient.json(state("CCM", "NOR", "focal@example.org\r\nBcc: evil@example.org"))));
		list.add(new Hostile("header injection in a name", OFFICER, "POST", "/api/states", json,
				ClusterClient.json(Map.of("convention", "CCM", "code", "NOR", "name", "Norway\r\nX-Injected: yes",
						"entryIntoForce", "2010-08-01", "clearanceDeadline", "2030-01-01", "focalPointEmail",
						"focal@example.org", "preferredLanguage", "en"))));
		list.add(new Hostile("header injection in a path", OFFICER, "GET", "/api/states/CCM/NOR%0d%0aX-Injected:%20yes",
				null, null));
		list.add(new Hostile("SQL in a code", OFFICER, "POST", "/api/extension-requests", json,
				ClusterClient.json(Map.of("convention", "CCM", "stateCode", "'; DROP TABLE registry_state; --",
						"requestedDeadline", "2031-01-01", "submittedOn", LocalDate.now().toString()))));
		list.add(new Hostile("unknown State", OFFICER, "GET", "/api/states/CCM/ZZZ", null, null));
		list.add(new Hostile("unknown convention", OFFICER, "GET", "/api/states/XYZ/NOR", null, null));
		list.add(new Hostile("script as a filter", OFFICER, "GET", "/api/states?convention=%3Cscript%3E", null, null));
		list.add(new Hostile("unknown task through /api", OFFICER, "POST", "/api/tasks/no-such-task/complete", json,
				"{}"));
		list.add(new Hostile("unknown task through /engine-rest", OFFICER, "POST",
				"/engine-rest/task/no-such-task/complete", json, "{\"variables\": {}}"));
		list.add(new Hostile("bad JSON through /engine-rest", OFFICER, "POST",
				"/engine-rest/process-definition/key/" + PROCESS + "/start", json, "{\"variables\": "));
		list.add(new Hostile("invalid start through /engine-rest", OFFICER, "POST",
				"/engine-rest/process-definition/key/" + PROCESS + "/start", json,
				ClusterClient.json(ClusterClient.typed(Map.of("convention", "CCM", "stateCode", "ZZZ",
						"requestedDeadline", "2031-01-01", "submittedOn", LocalDate.now().toString())))));
		list.add(new Hostile("not a number through /engine-rest", OFFICER, "GET", "/engine-rest/task?maxResults=abc",
				null, null));
		list.add(new Hostile("unknown process instance through /engine-rest", OFFICER, "GET",
				"/engine-rest/process-instance/no-such-instance", null, null));
		list.add(new Hostile("wrong content type", OFFICER, "POST", "/api/states", "text/plain", valid));
		list.add(new Hostile("wrong user starts a request", "ag-member", "POST", "/api/extension-requests", json,
				ClusterClient.json(Map.of("convention", "CCM", "stateCode", "IRQ", "requestedDeadline", "2031-01-01",
						"submittedOn", LocalDate.now().toString()))));
		list.add(new Hostile("wrong user edits the registry", "ag-member", "POST", "/api/states", json, valid));
		list.add(new Hostile("wrong user creates a user", "ag-member", "POST", "/engine-rest/user/create", json,
				ClusterClient.json(Map.of("profile", Map.of("id", "intruder"), "credentials",
						Map.of("password", "intruder-password")))));
		// not against a working user: wrong passwords throttle this client for that
		// user name
		list.add(new Hostile("wrong password", LOCKOUT_TARGET, "wrong", "GET", "/api/states", null, null));
		list.add(new Hostile("no credentials on /api", null, "GET", "/api/states", null, null));
		list.add(new Hostile("no credentials on /engine-rest", null, "GET", "/engine-rest/task", null, null));
		list.add(new Hostile("unknown user", "mallory", "POST", "/api/states", json, valid));
		list.add(new Hostile("withdraw an unknown request", OFFICER, "POST",
				"/api/extension-requests/CCM-ZZZ-15MSP/withdraw", json, "{\"reason\": \"gone\"}"));
		return list;
	}

	record Hostile(String name, String user, String password, String method, String path, String contentType,
			String body) {

		Hostile(String name, String user, String method, String path, String contentType, String body) {
			this(name, user, ClusterClient.PASSWORD, method, path, contentType, body);
		}

		Response send(ClusterClient client, ApplicationNode node) throws Exception {
			return client.send(node, this.user, this.password, this.method, this.path, this.contentType, this.body);
		}

	}

	// ---------------------------------------------------------------- 1. two nodes

	@Test
	@Order(2)
	void twoHundredRequestsOnAlternatingNodesThenAThousandRemindersDeliveredOnce() throws Exception {
		List<String> codes = take(this.freeCcmCodes, LIFECYCLE_REQUESTS);
		long callsBefore = this.client.requests();
		long started = System.nanoTime();
		List<Callable<String>> work = new ArrayList<>();
		for (String code : codes) {
			work.add(() -> driveToStateResponse("CCM", code));
		}
		List<String> instances = runAll(work, CLIENT_THREADS);
		double lifecycleSeconds = (System.nanoTime() - started) / 1e9;

		// every request waits for the State's answers, with its letters written
		assertThat(instances).hasSize(LIFECYCLE_REQUESTS).doesNotHaveDuplicates();
		for (String instance : instances) {
			assertThat(openTasks(instance)).as(instance).containsExactly("Task_RecordStateResponse");
		}
		assertThat(this.cluster.outbox("kind = 'state-questions' and business_key like 'CCM-%'"))
			.isEqualTo(LIFECYCLE_REQUESTS);

		// the clock reaches every "answers due soon" reminder of the ISU at once: five
		// members each
		long remindersBefore = this.cluster.outbox("kind = 'due-soon'");
		long failedBefore = this.cluster.outbox("status = 'failed'");
		int due = this.cluster.makeTimersDue("Timer_RecordStateResponseDueSoon");
		assertThat(due).isEqualTo(LIFECYCLE_REQUESTS);
		long expected = (long) due * ISU_MEMBERS;
		long burst = System.nanoTime();
		Duration written = FaultCluster.await("the reminders written", SETTLE_TIMEOUT,
				() -> this.cluster.outbox("kind = 'due-soon'") - remindersBefore == expected);
		Delivery delivery = awaitDelivery();
		double reminderSeconds = (System.nanoTime() - burst) / 1e9;

		System.out.printf(
				"fault: scenario=two-nodes nodes=2 requests=%d http_calls=%d lifecycle_s=%.1f reminders_due=%d mails_expected=%d mails_sent=%d duplicates=%d missing=%d all_mails=%d reminders_written_in_s=%.1f reminders_delivered_in_s=%.1f http_5xx=%d%n",
				LIFECYCLE_REQUESTS, this.client.requests() - callsBefore, lifecycleSeconds, due, expected,
				delivery.sentOfKind("due-soon") - remindersBefore, delivery.duplicates(), delivery.missing(),
				delivery.received(), written.toMillis() / 1000.0, reminderSeconds, this.client.serverErrors().size());
		assertThat(delivery.sentOfKind("due-soon") - remindersBefore).isEqualTo(expected);
		assertThat(delivery.duplicates()).isZero();
		assertThat(delivery.missing()).isZero();
		assertThat(this.cluster.outbox("status = 'failed'")).as("mails given up").isEqualTo(failedBefore);
		assertThat(this.client.serverErrors()).as("answers of 500 or more").isEmpty();
	}

	// ---------------------------------------------------------------- 3. SMTP outage

	@Test
	@Order(3)
	void remindersFallingDueWhileTheMailServerIsDownArriveOnceWhenItIsBack() throws Exception {
		int requests = 40;
		awaitDelivery();
		long remindersBefore = this.cluster.outbox("kind = 'due-soon'");
		long failedBefore = this.cluster.outbox("status = 'failed'");
		long down = System.nanoTime();
		this.cluster.smtp().stop();
		List<String> instances;
		int due;
		long expected;
		Map<String, Double> early;
		Map<String, Double> late;
		try {
			// the requests arrive while the server is away; their "due soon" reminders
			// fall
			// due now (at a weekend the intake's due-soon day has already passed
			// when the task is created, so some fire by themselves at once)
			instances = startRequests("APMBC", take(this.freeApmbcCodes, requests));
			due = this.cluster.makeTimersDue("Timer_CheckCompletenessDueSoon");
			assertThat(due).isBetween(0, requests);
			expected = (long) requests * ISU_MEMBERS;
			FaultCluster.await("the reminders written", SETTLE_TIMEOUT,
					() -> this.cluster.outbox("kind = 'due-soon'") - remindersBefore == expected);
			// the backlog shows on the gauges while the server is away, and it ages
			Thread.sleep(5_000);
			early = gauges(this.cluster.node(0));
			Thread.sleep(5_000);
			late = gauges(this.cluster.node(1));
		}
		finally {
			this.cluster.smtp().start();
		}
		double outageSeconds = (System.nanoTime() - down) / 1e9;
		long up = System.nanoTime();
		Delivery delivery = awaitDelivery();
		double drainSeconds = (System.nanoTime() - up) / 1e9;

		System.out.printf(
				"fault: scenario=smtp-outage requests=%d outage_s=%.1f reminders_due=%d mails_expected=%d mails_sent=%d duplicates=%d missing=%d failed=%d backlog_gauge=%.0f oldest_pending_age_s=%.1f→%.1f drained_in_s=%.1f%n",
				requests, outageSeconds, due, expected, delivery.sentOfKind("due-soon") - remindersBefore,
				delivery.duplicates(), delivery.missing(), this.cluster.outbox("status = 'failed'") - failedBefore,
				late.get(PENDING), early.get(OLDEST), late.get(OLDEST), drainSeconds);
		assertThat(this.cluster.outbox("status = 'failed'")).as("mails given up").isEqualTo(failedBefore);
		assertThat(late.get(PENDING)).isGreaterThanOrEqualTo(expected);
		assertThat(late.get(OLDEST)).isGreaterThan(early.get(OLDEST)).isGreaterThan(5);
		assertThat(delivery.sentOfKind("due-soon") - remindersBefore).isEqualTo(expected);
		assertThat(delivery.duplicates()).isZero();
		assertThat(delivery.missing()).isZero();
		assertThat(instances)
			.allSatisfy((instance) -> assertThat(openTasks(instance)).containsExactly("Task_CheckCompleteness"));
		assertThat(gauges(this.cluster.node(0)).get(PENDING)).isZero();
	}

	// ---------------------------------------------------------------- 2. kill -9

	@Test
	@Order(4)
	void killingANodeMidBurstLosesNoAcknowledgedCompletionAndNoMail() throws Exception {
		int requests = 60;
		List<String> instances = startRequests("APMBC", take(this.freeApmbcCodes, requests));
		awaitDelivery();
		long failedBefore = this.cluster.outbox("status = 'failed'");
		Map<String, String> tasks = new ConcurrentHashMap<>();
		for (String instance : instances) {
			String taskId = (String) awaitTask(instance, "Task_CheckCompleteness").get("id");
			// only the assignee completes a task
			expectOk(this.client.post(next(), OFFICER, "/engine-rest/task/" + taskId + "/claim",
					Map.of("userId", OFFICER)));
			tasks.put(instance, taskId);
		}
		ApplicationNode victim = this.cluster.node(1);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicLong refused = new AtomicLong();
		AtomicLong completions = new AtomicLong();
		AtomicLong killedAt = new AtomicLong();
		int killAfter = requests / 3;

		int due = this.cluster.makeTimersDue("Timer_CheckCompletenessOverdue")
				+ this.cluster.makeTimersDue("Timer_CheckCompletenessDueSoon");
		List<Callable<Void>> work = new ArrayList<>();
		for (String instance : instances) {
			work.add(() -> {
				String taskId = tasks.get(instance);
				for (int attempt = 0; attempt < 10; attempt++) {
					ApplicationNode node = next();
					try {
						Response response = this.client.post(node, OFFICER, "/engine-rest/task/" + taskId + "/complete",
								ClusterClient.typed(Map.of("requestComplete", true, "completenessNotes", "Complete.")));
						if (response.ok()) {
							acknowledged.add(taskId);
							if (completions.incrementAndGet() == killAfter) {
								killedAt.set(System.nanoTime());
								victim.kill();
							}
							return null;
						}
						if (response.status() == 404 && taskCompleted(taskId)) {
							// an earlier attempt went through though its answer was lost
							return null;
						}
					}
					catch (java.io.IOException ex) {
						refused.incrementAndGet();
					}
					Thread.sleep(200);
				}
				throw new AssertionError("could not complete " + taskId);
			});
		}
		runAll(work, 6);
		assertThat(killedAt.get()).as("the node was killed mid-burst").isPositive();

		victim.start();
		Duration restartTime = victim.awaitReady();
		for (String instance : instances) {
			awaitTask(instance, "Task_PreliminaryReview");
		}
		FaultCluster.await("no job left behind", SETTLE_TIMEOUT, () -> this.cluster.pendingJobs() == 0);
		Delivery delivery = awaitDelivery();
		double recoverySeconds = (System.nanoTime() - killedAt.get()) / 1e9;

		List<String> lost = acknowledged.stream().filter((taskId) -> !taskCompleted(taskId)).toList();
		System.out.printf(
				"fault: scenario=kill-9 requests=%d completions_acknowledged=%d lost=%d refused_calls=%d timers_due=%d mails_written=%d mails_sent=%d duplicates=%d visible_duplicates=%d missing=%d restart_s=%.1f recovery_s=%.1f http_5xx=%d%n",
				requests, acknowledged.size(), lost.size(), refused.get(), due, delivery.written(),
				delivery.received() - delivery.duplicates(), delivery.duplicates(), delivery.visibleDuplicates(),
				delivery.missing(), restartTime.toMillis() / 1000.0, recoverySeconds,
				this.client.serverErrors().size());
		assertThat(lost).as("acknowledged completions not in the database").isEmpty();
		assertThat(instances)
			.allSatisfy((instance) -> assertThat(openTasks(instance)).containsExactly("Task_PreliminaryReview"));
		assertThat(delivery.missing()).isZero();
		// SMTP has no two-phase commit: a mail the server took in the instant before the
		// node died unrecorded goes out again when its claim runs out. Only the mails in
		// flight on the killed node (one per sender thread) can, and under their first
		// Message-ID, so that mail clients show them once.
		assertThat(delivery.duplicates()).as("mails sent twice").isLessThanOrEqualTo(FaultCluster.SENDERS_PER_NODE);
		assertThat(delivery.visibleDuplicates()).as("mails sent twice under another Message-ID").isZero();
		assertThat(this.cluster.outbox("status = 'failed'")).as("mails given up").isEqualTo(failedBefore);
		assertThat(this.client.serverErrors()).as("answers of 500 or more").isEmpty();
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Registers a State, starts its request, completes the completeness check (through
	 * {@code /engine-rest}) and the preliminary review with questions (through
	 * {@code /api}, as the rapporteur), and waits until the State's answers are awaited.
	 * Each call goes to the next node.
	 * @return the process instance id
	 */
	private String driveToStateResponse(String convention, String code) throws Exception {
		String instance = start(convention, code);
		String check = (String) awaitTask(instance, "Task_CheckCompleteness").get("id");
		expectOk(this.client.post(next(), OFFICER, "/engine-rest/task/" + check + "/claim", Map.of("userId", OFFICER)));
		expectOk(this.client.post(next(), OFFICER, "/engine-rest/task/" + check + "/complete",
				ClusterClient.typed(Map.of("requestComplete", true, "completenessNotes", "All six items."))));
		Map<String, Object> review = awaitTask(instance, "Task_PreliminaryReview");
		String rapporteur = (String) review.get("assignee");
		assertThat(rapporteur).startsWith("ag-member");
		expectOk(this.client.post(next(), rapporteur, "/api/tasks/" + review.get("id") + "/complete",
				Map.of("preliminaryFindings", "The plan is costed.", "questionsForState", true, "questions",
						"Please detail the national funding.")));
		awaitTask(instance, "Task_RecordStateResponse");
		return instance;
	}

	private List<String> startRequests(String convention, List<String> codes) throws Exception {
		List<Callable<String>> work = new ArrayList<>();
		for (String code : codes) {
			work.add(() -> {
				String instance = start(convention, code);
				awaitTask(instance, "Task_CheckCompleteness");
				return instance;
			});
		}
		return runAll(work, CLIENT_THREADS);
	}

	private String start(String convention, String code) throws Exception {
		expectOk(this.client.post(next(), OFFICER, "/api/states",
				state(convention, code, "focal." + code.toLowerCase(Locale.ROOT) + "@state.example")));
		Response started = expectOk(this.client.post(next(), OFFICER, "/api/extension-requests",
				Map.of("convention", convention, "stateCode", code, "requestedDeadline", "2033-06-01", "submittedOn",
						LocalDate.now().toString(), "summary", "Three more years for the last minefields.")));
		// the State's request enters the record before the ISU checks it
		expectOk(this.client.upload(next(), OFFICER, (String) started.map().get("businessKey"), "request", "en",
				"request.pdf", org.isu.clearance.document.DocumentFixtures.pdf(4096, code.hashCode())));
		return (String) started.map().get("processInstanceId");
	}

	private Map<String, Object> awaitTask(String instance, String taskKey) throws Exception {
		long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < until) {
			try {
				Response tasks = this.client.get(next(), COORDINATOR,
						"/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey);
				if (tasks.ok() && !tasks.list().isEmpty()) {
					return tasks.list().get(0);
				}
			}
			catch (java.io.IOException ex) {
				// a node going down
			}
			Thread.sleep(300);
		}
		throw new AssertionError(instance + " never reached " + taskKey + "; open: " + openTasks(instance));
	}

	private List<String> openTasks(String instance) {
		return this.cluster.jdbc()
			.sql("select task_def_key_ from act_ru_task where proc_inst_id_ = ? order by task_def_key_")
			.param(instance)
			.query(String.class)
			.list();
	}

	private boolean taskCompleted(String taskId) {
		return this.cluster.count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
				+ " and delete_reason_ = 'completed'", taskId) == 1;
	}

	private static Response expectOk(Response response) {
		assertThat(response.ok()).as(response.status() + " " + response.body()).isTrue();
		return response;
	}

	// ---------------------------------------------------------------- mail

	static final String PENDING = "clearance_outbox_mails{status=\"pending\"}";

	static final String OLDEST = "clearance_outbox_oldest_pending_age_seconds";

	/**
	 * Waits until the outbox has nothing left to send and the sink holds one mail for
	 * each sent row, then compares both.
	 */
	private Delivery awaitDelivery() throws InterruptedException {
		FaultCluster.await("the outbox delivered", SETTLE_TIMEOUT,
				() -> this.cluster.outbox("status in ('pending', 'sending')") == 0
						&& this.cluster.smtp().count() >= this.cluster.outbox("status = 'sent'"));
		List<Received> received = this.cluster.smtp().received();
		List<Received> written = this.cluster.jdbc()
			.sql("select recipient, subject, body_text from outbox_mail where status = 'sent'")
			.query((rs, row) -> new Received(rs.getString(1), rs.getString(2), rs.getString(3), null))
			.list();
		Set<String> arrived = received.stream().map(ClusterFaultIT::identity).collect(Collectors.toSet());
		long missing = written.stream().map(ClusterFaultIT::identity).filter((mail) -> !arrived.contains(mail)).count();
		return new Delivery(this.cluster, written.size(), received.size(), duplicates(received),
				SmtpSink.visibleDuplicates(received), missing);
	}

	private static String identity(Received mail) {
		return mail.recipient() + "\n" + mail.subject() + "\n"
				+ ((mail.text() != null) ? mail.text().replace("\r", "").strip() : "");
	}

	/**
	 * @param duplicates mails that arrived more than once
	 * @param visibleDuplicates of those, the ones that arrived again under another
	 * Message-ID, which a mail client would show twice
	 */
	record Delivery(FaultCluster cluster, long written, long received, int duplicates, int visibleDuplicates,
			long missing) {

		long sentOfKind(String kind) {
			return this.cluster.outbox("status = 'sent' and kind = '" + kind + "'");
		}

	}

	private Map<String, Double> gauges(ApplicationNode node) throws Exception {
		Response metrics = this.client.get(node, COORDINATOR, "/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		Map<String, Double> values = new java.util.HashMap<>();
		for (String line : metrics.body().split("\n")) {
			if (line.startsWith(PENDING + " ") || line.startsWith(OLDEST + " ")) {
				int space = line.lastIndexOf(' ');
				values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
			}
		}
		return values;
	}

	private static List<String> take(List<String> codes, int count) {
		assertThat(codes).hasSizeGreaterThanOrEqualTo(count);
		List<String> taken = new ArrayList<>(codes.subList(0, count));
		codes.subList(0, count).clear();
		return taken;
	}

	// ---------------------------------------------------------------- helpers

	ApplicationNode next() {
		return this.cluster.alternate(this.calls.getAndIncrement());
	}

	static Map<String, Object> state(String convention, String code, String focalPoint) {
		return Map.of("convention", convention, "code", code, "name", "State " + code, "entryIntoForce", "2011-01-01",
				"clearanceDeadline", "2030-06-01", "focalPointEmail", focalPoint, "preferredLanguage", "en");
	}

	private void createUser(String id, String group) throws Exception {
		Response created = this.client.post(next(), "demo-admin", "/engine-rest/user/create",
				Map.of("profile", Map.of("id", id, "firstName", id, "lastName", "Fault", "email", id + "@isu.example"),
						"credentials", Map.of("password", ClusterClient.PASSWORD)));
		assertThat(created.status()).as(created.body()).isEqualTo(204);
		if (group == null) {
			return;
		}
		Response member = this.client.send(next(), "demo-admin", ClusterClient.PASSWORD, "PUT",
				"/engine-rest/group/" + group + "/members/" + id, null, null);
		assertThat(member.status()).as(member.body()).isEqualTo(204);
	}

	/**
	 * ISO codes no State of that convention is registered under yet, in a fixed order.
	 */
	private List<String> freeCodes(String convention) throws Exception {
		Set<String> taken = this.client.get(next(), OFFICER, "/api/states?convention=" + convention)
			.list()
			.stream()
			.map((state) -> (String) state.get("code"))
			.collect(Collectors.toSet());
		Set<String> free = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
		free.removeAll(taken);
		return new ArrayList<>(free);
	}

	static <T> List<T> runAll(List<Callable<T>> work, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(work)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static int duplicates(List<Received> mails) {
		return SmtpSink.duplicates(mails);
	}

	static <T> List<T> synchronizedList() {
		return Collections.synchronizedList(new ArrayList<>());
	}

}
