package org.isu.clearance.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in {@code app_lock} that let one node at a time run a cluster-wide job
 * (the resubmission of failed module events, the start of a model-version migration), on
 * H2 and PostgreSQL alike; each name is a row that a migration inserts: a node takes a
 * lock by moving its {@code locked_until} forward while that has passed (or while the
 * node already holds it), in one conditional {@code update}, and gives it back by setting
 * it to now. A node that dies holding a lock holds it until its lease runs out.
 */
@Component
public class ClusterLock {

	/**
	 * This node, for {@code locked_by}: the JVM's name (pid@host) and a random suffix.
	 */
	public static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final JdbcClient jdbc;

	ClusterLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lock for {@code lease} unless another node holds it.
	 * @return whether this node holds it now
	 */
	public boolean tryLock(String name, Duration lease) {
		Instant now = Instant.now();
		return this.jdbc
			.sql("update app_lock set locked_until = :until, locked_by = :node"
					+ " where name = :name and (locked_until < :now or locked_by = :node)")
			.param("until", Timestamp.from(now.plus(lease)))
			.param("node", NODE)
			.param("name", name)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public void unlock(String name) {
		this.jdbc.sql("update app_lock set locked_until = :now where name = :name and locked_by = :node")
			.param("now", Timestamp.from(Instant.now()))
			.param("name", name)
			.param("node", NODE)
			.update();
	}

}
