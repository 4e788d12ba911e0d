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
		list.add(new Hostile("wrong user reads Admin's API", "ag-member", "GET", "/engine-rest/authorization/create",
				null, null));
		list.add(new Hostile("wrong password", OFFICER, "wrong", "GET", "/api/states", null, null));
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
