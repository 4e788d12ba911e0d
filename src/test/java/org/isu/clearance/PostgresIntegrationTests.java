package org.isu.clearance;

import java.util.Map;

import org.isu.clearance.request.EngineTablesCheck;
import org.isu.clearance.request.RequestExportCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application on a fresh PostgreSQL database that the test creates on the tests'
 * server ({@link ScratchDatabase}) (user {@code postgres}): Flyway, the engine schema,
 * the demo data and the registry API; then the {@code prod} profile on the same database,
 * which must refuse to start while the demo users keep their demo passwords. Run
 * {@link #main} to launch the app on PostgreSQL.
 */
class PostgresIntegrationTests {

	@RegisterExtension
	static final ScratchDatabase DATABASE = new ScratchDatabase("clearance_it");

	@Test
	void runsOnPostgresqlAndProductionRefusesDemoPasswords() {
		try (ConfigurableApplicationContext context = start("postgres")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestClient client = RestClient.builder()
				.baseUrl("http://127.0.0.1:" + port)
				.defaultHeaders((headers) -> headers.setBasicAuth("isu-officer", "demo"))
				.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				})
				.build();

			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select count(*) from app_schema_history where success").query(Integer.class).single())
				.isGreaterThanOrEqualTo(2);
			assertThat(jdbc.sql("select count(*) from act_ge_property").query(Integer.class).single()).isPositive();

			assertThat(client.get().uri("/api/meetings?convention=APMBC").retrieve().body(String.class))
				.contains("22MSP", "5RC", "23MSP");
			Map<String, String> cambodia = Map.of("convention", "APMBC", "code", "KHM", "name", "Cambodia",
					"entryIntoForce", "2000-01-01", "clearanceDeadline", "2025-12-31", "focalPointEmail",
					"focal@example.org", "preferredLanguage", "en");
			assertThat(register(client, cambodia)).isEqualTo(201);
			assertThat(register(client, cambodia)).isEqualTo(409);
			int anonymous = RestClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/engine-rest/engine")
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(anonymous).isEqualTo(401);

			EngineTablesCheck.queriesAnswerOnThisDatabase(context, "NRU");
			RequestExportCheck.exportMatchesTheList(context);
		}

		assertThatThrownBy(() -> start("prod").close()).hasStackTraceContaining("demo password");
	}

	private static int register(RestClient client, Map<String, String> state) {
		return client.post()
			.uri("/api/states")
			.contentType(MediaType.APPLICATION_JSON)
			.body(state)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

	private static ConfigurableApplicationContext start(String profile) {
		return new SpringApplicationBuilder(ClearanceApplication.class).profiles(profile)
			.properties(Map.of("DB_URL", DATABASE.url(), "DB_USER", "postgres", "server.port", "0",
					"camunda.bpm.generate-unique-process-engine-name", "true", "ADMIN_USER", "isu-admin",
					"ADMIN_PASSWORD", "a-strong-password-for-tests", "camunda.bpm.job-execution.enabled", "false"))
			.run();
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(ClearanceApplication.class).profiles("postgres").run(args);
	}

}
