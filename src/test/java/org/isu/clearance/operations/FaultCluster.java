package org.isu.clearance.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.isu.clearance.ScratchDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two application processes from the built jar on one throw-away PostgreSQL database
 * (created on the tests' server, see {@code ScratchDatabase}, and dropped afterwards),
 * sending mail to a loopback SMTP sink. Demo users on, demo requests off. The job lock
 * time and the mail claim timeout are shortened so that a crash resolves within the test;
 * everything else is the application's configuration.
 */
final class FaultCluster implements AutoCloseable {

	static final Duration JOB_LOCK_TIME = Duration.ofSeconds(30);

	static final Duration MAIL_CLAIM_TIMEOUT = Duration.ofSeconds(30);

	/** Sender threads per node: at most this many mails are in flight on a node. */
	static final int SENDERS_PER_NODE = 2;

	private final ScratchDatabase database = new ScratchDatabase("clearance_fault");

	private final SmtpSink smtp;

	private final List<ApplicationNode> nodes = new ArrayList<>();

	private final JdbcClient jdbc;

	private FaultCluster(int nodeCount) throws IOException, SQLException {
		this.database.create();
		this.jdbc = JdbcClient
			.create(new SimpleDriverDataSource(new org.postgresql.Driver(), this.database.url(), "postgres", ""));
		this.smtp = new SmtpSink(freePort());
		Path jar = Path.of(System.getProperty("fault.jar", "target/clearance-extensions-0.1.0-SNAPSHOT.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException("No jar at " + jar + ": run ./mvnw -Pfault verify");
		}
		List<String> arguments = List.of("--spring.profiles.active=postgres", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.port(), "--clearance.demo.requests=false",
				"--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_TIME.toMillis(),
				"--clearance.notification.delivery.claim-timeout=" + MAIL_CLAIM_TIMEOUT,
				"--clearance.notification.delivery.senders=" + SENDERS_PER_NODE,
				"--logging.level.org.camunda.bpm.engine.jobexecutor=warn");
		Map<String, String> environment = Map.of("DB_URL", this.database.url(), "DB_USER", "postgres", "DB_PASSWORD",
				"");
		for (int i = 1; i <= nodeCount; i++) {
			this.nodes.add(new ApplicationNode("node" + i, freePort(), jar, arguments, environment));
		}
	}

	/**
	 * Starts the sink and the nodes, the first alone (it creates the schema), then the
	 * others.
	 */
	static FaultCluster start(int nodeCount) throws Exception {
		FaultCluster cluster = new FaultCluster(nodeCount);
		try {
			cluster.smtp.start();
			cluster.nodes.get(0).start();
			cluster.nodes.get(0).awaitReady();
			for (ApplicationNode node : cluster.nodes.subList(1, nodeCount)) {
				node.start();
			}
			for (ApplicationNode node : cluster.nodes.subList(1, nodeCount)) {
				node.awaitReady();
			}
			return cluster;
		}
		catch (Exception ex) {
			cluster.close();
			throw ex;
		}
	}

	ApplicationNode node(int index) {
		return this.nodes.get(index);
	}

	/** The node for the n-th call: calls alternate between the nodes that are up. */
	ApplicationNode alternate(long n) {
		List<ApplicationNode> alive = this.nodes.stream().filter(ApplicationNode::isAlive).toList();
		return alive.get((int) (n % alive.size()));
	}

	List<ApplicationNode> nodes() {
		return this.nodes;
	}

	SmtpSink smtp() {
		return this.smtp;
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Moves the timers of the given BPMN element that have not fired yet to a moment just
	 * past, in one statement, as if the clock had reached them together.
	 * @return how many timers fell due
	 */
	int makeTimersDue(String timerId) {
		return this.jdbc.sql("""
				update act_ru_job set duedate_ = ?
				where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?) and lock_owner_ is null
				""").params(Timestamp.from(Instant.now().minusSeconds(1)), timerId).update();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Jobs that are due (or whose lock expired) and have retries left. */
	long pendingJobs() {
		return count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
				+ " and (duedate_ is null or duedate_ <= ?)", Timestamp.from(Instant.now()));
	}

	long outbox(String statusCondition) {
		return count("select count(*) from outbox_mail where " + statusCondition);
	}

	/** Waits until the condition holds; fails with {@code what} after the timeout. */
	static Duration await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long started = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - started > timeout.toNanos()) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			Thread.sleep(250);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	@Override
	public void close() throws Exception {
		for (ApplicationNode node : this.nodes) {
			node.stop();
		}
		try {
			this.smtp.stop();
		}
		catch (RuntimeException ex) {
			// already down
		}
		this.database.close();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
