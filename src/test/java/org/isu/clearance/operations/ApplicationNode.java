package org.isu.clearance.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application process started from the built jar ({@code java -jar}), on a loopback
 * port, its output in {@code target/fault/<name>.log}.
 */
final class ApplicationNode {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

	private final String name;

	private final int port;

	private final Path jar;

	private final List<String> arguments;

	private final Map<String, String> environment;

	private Process process;

	ApplicationNode(String name, int port, Path jar, List<String> arguments, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.jar = jar;
		this.arguments = arguments;
		this.environment = environment;
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the process and returns at once; see {@link #awaitReady()}. */
	void start() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", this.jar.toString(),
				"--server.port=" + this.port));
		command.addAll(this.arguments);
		Path log = Path.of("target", "fault", this.name + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
	}

	/** Waits until {@code /actuator/health/readiness} answers 200. */
	Duration awaitReady() throws InterruptedException {
		long started = System.nanoTime();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (System.nanoTime() - started < STARTUP_TIMEOUT.toNanos()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ "; see target/fault/" + this.name + ".log");
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - started);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " not ready after " + STARTUP_TIMEOUT);
	}

	/** {@code kill -9}: no shutdown hook, no commit, nothing flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A normal shutdown (SIGTERM), forced after 30 s. */
	void stop() throws InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

}
