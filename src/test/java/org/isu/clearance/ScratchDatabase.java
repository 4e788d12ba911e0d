package org.isu.clearance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away database on the local PostgreSQL (127.0.0.1:5432, user {@code postgres},
 * trust authentication), with a unique name: created before a test class and dropped
 * after it when registered with {@code @RegisterExtension}, or by {@link #create()} and
 * {@link #close()} around a run.
 */
public final class ScratchDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	public static final String USER = "postgres";

	private final String name;

	public ScratchDatabase(String prefix) {
		this.name = prefix + "_" + Long.toHexString(System.nanoTime());
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return SERVER + this.name;
	}

	public ScratchDatabase create() throws SQLException {
		execute("create database " + this.name);
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
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
