package org.isu.clearance.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.isu.clearance.ScratchDatabase;
import org.junit.jupiter.api.Test;

/**
 * Not a test: {@code bench/startup.sh} (Maven profile {@code bench}), after the jar is
 * built. Starts the application from the jar as production does (profile {@code prod},
 * {@code -Xmx256m}, a process of its own) and prints the time from the launch of the
 * process until {@code /actuator/health/readiness} answers, its CPU time until then and
 * the heap in use after a full GC. Two ways of running the same jar, back to back and
 * alternating which goes first:
 * <ul>
 * <li>{@code cds}: as shipped (README "Production", the Dockerfile): the jar extracted
 * and its class data sharing archive trained by {@code bin/cds.sh}, started with
 * {@code -XX:SharedArchiveFile};</li>
 * <li>{@code jar}: {@code java -jar} on the jar itself, as before.</li>
 * </ul>
 * Each start gets a database of its own, dropped after: an empty one, so the start
 * includes creating the engine's and the application's tables and deploying the models,
 * or, with {@code -Dbench.database=NAME}, a copy of the database NAME (e.g. one seeded
 * and kept by {@code bench/dashboard.sh -Dbench.keep=NAME}, its demo users' passwords
 * replaced in the copy), which is left as it was. {@code -Dbench.runs=N} (1) rounds.
 */
class StartupBenchmark {

	private static final Path WORK = Path.of("target", "startup-bench");

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final Pattern STARTED = Pattern
		.compile("Started ClearanceApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	/** The last line of {@code jcmd GC.class_histogram}: instances and bytes in all. */
	private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	@Test
	void measure() throws Exception {
		int runs = Integer.getInteger("bench.runs", 1);
		String template = System.getProperty("bench.database", "");
		Path jar = jar();
		Files.createDirectories(WORK);
		Path app = WORK.resolve("app");
		long training = System.nanoTime();
		prepare(jar, app);
		double trainingSeconds = (System.nanoTime() - training) / 1e9;
		System.out.printf("%n[bench] startup: bin/cds.sh extracted and trained in %.1f s (load %s)%n", trainingSeconds,
				load());

		Map<String, List<Start>> starts = new TreeMap<>();
		for (int round = 1; round <= runs; round++) {
			List<String> order = (round % 2 == 1) ? List.of("cds", "jar") : List.of("jar", "cds");
			for (String way : order) {
				List<String> command = new ArrayList<>(List.of(this.java, "-Xmx256m"));
				Path directory;
				if (way.equals("cds")) {
					// as the archive was trained: in its directory, with these relative
					// paths
					command.addAll(List.of("-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"));
					directory = app;
				}
				else {
					command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
					directory = Path.of(".");
				}
				Start start = start(way + "-" + round, command, directory, template);
				starts.computeIfAbsent(way, (key) -> new ArrayList<>()).add(start);
				System.out.printf("[bench] startup run %d %s: %s%n", round, way, start);
			}
		}
		StringBuilder summary = new StringBuilder();
		for (Map.Entry<String, List<Start>> way : starts.entrySet()) {
			double[] ready = way.getValue().stream().mapToDouble(Start::readySeconds).sorted().toArray();
			double median = (ready[(ready.length - 1) / 2] + ready[ready.length / 2]) / 2;
			summary.append(String.format(" %s_ready_s=%.1f", way.getKey(), median));
			if (ready.length > 1) {
				summary.append(String.format(" (min %.1f, max %.1f)", ready[0], ready[ready.length - 1]));
			}
		}
		Start last = starts.get("cds").get(starts.get("cds").size() - 1);
		System.out.printf("%n[bench] startup: database=%s runs=%d median%s heap_after_full_gc_mb=%d heap_max_mb=256%n",
				template.isBlank() ? "empty" : template, runs, summary, last.heapMb());
	}

	/** The jar that {@code ./mvnw package} built. */
	private static Path jar() throws IOException {
		String given = System.getProperty("bench.jar", "");
		if (!given.isBlank()) {
			return Path.of(given);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("clearance-extensions-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw package first"));
		}
	}

	/** {@code bin/cds.sh JAR DIR}, as the README's production command does. */
	private void prepare(Path jar, Path app) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("sh", "bin/cds.sh", jar.toString(), app.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(WORK.resolve("cds.log").toFile()));
		// the java that runs the application trains its archive
		builder.environment().put("JAVA", this.java);
		if (builder.start().waitFor() != 0) {
			throw new IllegalStateException("bin/cds.sh failed: see " + WORK.resolve("cds.log"));
		}
	}

	private Start start(String name, List<String> command, Path directory, String template) throws Exception {
		try (ScratchDatabase database = new ScratchDatabase("clearance_bench")) {
			if (template.isBlank()) {
				database.create();
			}
			else {
				database.createCopyOf(template);
				replaceDemoPasswords(database);
			}
			int port = freePort();
			Path log = WORK.resolve(name + ".log").toAbsolutePath();
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment()
				.putAll(Map.of("SPRING_PROFILES_ACTIVE", "prod", "DB_URL", database.url(), "DB_USER",
						ScratchDatabase.USER, "DB_PASSWORD", "", "ADMIN_USER", "bench-admin", "ADMIN_PASSWORD",
						"a long benchmark passphrase", "SERVER_PORT", Integer.toString(port), "SMTP_HOST", "127.0.0.1",
						"SMTP_PORT", "1"));
			String load = load();
			long launched = System.nanoTime();
			Process process = builder.start();
			try {
				awaitReady(process, port, log);
				double ready = (System.nanoTime() - launched) / 1e9;
				double cpu = cpuSeconds(process.pid());
				String text = Files.readString(log, StandardCharsets.UTF_8);
				Matcher started = STARTED.matcher(text);
				double spring = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
				return new Start(ready, spring, cpu, heapAfterFullGcMb(process.pid()), load);
			}
			finally {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
	}

	/**
	 * A database seeded by {@code bench/dashboard.sh} (profile {@code postgres}) holds
	 * the demo users, whose demo passwords the prod profile refuses to start with: the
	 * copy's users get passwords nobody knows, as production would demand.
	 */
	private static void replaceDemoPasswords(ScratchDatabase database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), ScratchDatabase.USER, "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("update act_id_user set salt_ = md5(random()::text),"
					+ " pwd_ = '{SHA-512}' || md5(random()::text) where pwd_ is not null");
		}
	}

	private static void awaitReady(Process process, int port, Path log) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long started = System.nanoTime();
		while (System.nanoTime() - started < TIMEOUT.toNanos()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("Not ready after " + TIMEOUT + "; see " + log);
	}

	/** User and system CPU of the process so far (Linux: /proc), NaN elsewhere. */
	private static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second)
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * The live heap: what {@code jcmd GC.class_histogram} counts, in the full collection
	 * it makes itself. Reading {@code GC.heap_info} after {@code GC.run} instead would
	 * also count what the application allocated between the two commands, tens of MB
	 * while the job executors work (a migration batch after the start).
	 */
	private int heapAfterFullGcMb(long pid) throws Exception {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Matcher total = HISTOGRAM_TOTAL.matcher(run(jcmd, Long.toString(pid), "GC.class_histogram"));
		return total.find() ? (int) (Long.parseLong(total.group(1)) >> 20) : -1;
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String load() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private record Start(double readySeconds, double springSeconds, double cpuSeconds, int heapMb, String load) {

		@Override
		public String toString() {
			return String.format(
					"ready_s=%.1f (Spring's \"Started in\" %.1f s) cpu_s_until_ready=%.1f heap_after_full_gc_mb=%d load=%s",
					this.readySeconds, this.springSeconds, this.cpuSeconds, this.heapMb, this.load);
		}

	}

}
