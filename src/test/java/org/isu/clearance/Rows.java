package org.isu.clearance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a test query with their column names in upper case, whatever the database says
 * (H2 upper, PostgreSQL lower).
 */
public final class Rows {

	private Rows() {
	}

	public static List<Map<String, Object>> of(JdbcClient jdbc, String sql, Object... parameters) {
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		for (Object parameter : parameters) {
			statement = statement.param(parameter);
		}
		return statement.query().listOfRows().stream().map(Rows::upperCase).toList();
	}

	private static Map<String, Object> upperCase(Map<String, Object> row) {
		Map<String, Object> upper = new HashMap<>();
		row.forEach((name, value) -> upper.put(name.toUpperCase(), value));
		return upper;
	}

}
