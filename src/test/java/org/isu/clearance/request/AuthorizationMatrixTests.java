package org.isu.clearance.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.TasklistSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Runs every row of {@code authorization-matrix.csv} (endpoint × method × user → status)
 * against the running application, each {@code {engine}} row on both engine surfaces, and
 * fails when an application endpoint or an engine REST resource has no row.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	private static final String MATRIX = "/authorization-matrix.csv";

	private static final List<String> USERS = List.of("anonymous", "rapporteur", "reviewer", "isu-officer",
			"coordinator", "demo-admin");

	private static final Map<String, String> ENGINE_SURFACES = Map.of("engine-rest", "/engine-rest", "tasklist",
			"/camunda/api/engine/engine/default");

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private RepositoryService repository;

	@Autowired
	private FilterService filters;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private final Map<String, String> placeholders = new HashMap<>();

	private final Map<String, TasklistSession> tasklistSessions = new HashMap<>();

	private final Map<String, String> pageSessions = new HashMap<>();

	private String instance;

	@BeforeAll
	void aRequestAtItsPreliminaryReview() {
		Task review = RequestFixtures.atPreliminaryReview(this.context, "CPV");
		this.instance = review.getProcessInstanceId();
		String rapporteur = review.getAssignee();
		this.placeholders.put("rapporteur", rapporteur);
		this.placeholders.put("reviewer", RequestFixtures.otherReviewer(rapporteur));
		this.placeholders.put("task", review.getId());
		this.placeholders.put("instance", this.instance);
		this.placeholders.put("key", "CCM-CPV-15MSP");
		// a document that does not exist: readers get 404, the others 403
		this.placeholders.put("document", "0");
		this.placeholders.put("year", "2025");
		this.placeholders.put("definition", review.getProcessDefinitionId());
		this.placeholders.put("job",
				this.management.createJobQuery().processInstanceId(this.instance).timers().list().get(0).getId());
		this.placeholders.put("filter", this.filters.createFilterQuery().filterName("My tasks").singleResult().getId());
		this.placeholders.put("mail",
				String.valueOf(this.jdbc.queryForObject("select min(id) from outbox_mail where process_instance_id = ?",
						Long.class, this.instance)));
	}

	@AfterAll
	void tearDown() {
		this.runtime.deleteProcessInstance(this.instance, "test over");
	}

	@Test
	void everyRowHoldsOnEverySurface() throws IOException {
		List<String> failures = new ArrayList<>();
		for (Row row : rows()) {
			for (int i = 0; i < USERS.size(); i++) {
				String expected = row.statuses().get(i);
				if ("-".equals(expected)) {
					continue;
				}
				String user = user(USERS.get(i));
				if (row.path().startsWith("{engine}")) {
					for (Map.Entry<String, String> surface : ENGINE_SURFACES.entrySet()) {
						int actual = call(surface.getKey(), row.method(),
								surface.getValue() + row.path().substring("{engine}".length()), row.body(), user);
						check(failures, row, USERS.get(i), surface.getKey(), expected, actual);
					}
				}
				else {
					String surface = row.path().startsWith("/api/") || row.path().equals("/calendar.ics") ? "api"
							: "page";
					check(failures, row, USERS.get(i), surface, expected,
							call(surface, row.method(), row.path(), row.body(), user));
				}
			}
		}
		assertThat(failures).as("rows that do not hold").isEmpty();
	}

	@Test
	void everyApplicationEndpointHasItsRows() throws IOException {
		Set<String> covered = new TreeSet<>();
		for (Row row : rows()) {
			covered.add(row.method() + " " + shape(row.path()));
		}
		Set<String> missing = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/error") || pattern.startsWith("/v3/api-docs.")
						|| pattern.startsWith("/v3/api-docs/") || pattern.startsWith("/swagger-ui")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					String key = method.name() + " " + shape(pattern);
					if (!covered.contains(key)) {
						missing.add(key);
					}
				}
			}
		}
		assertThat(missing).as("application endpoints without rows in " + MATRIX).isEmpty();
	}

	@Test
	void everyEngineResourceHasItsRows() throws IOException {
		Set<String> covered = new TreeSet<>();
		for (Row row : rows()) {
			if (row.path().startsWith("{engine}/")) {
				covered.add(row.path().substring("{engine}/".length()).split("[/?]")[0]);
			}
		}
		Set<String> missing = new TreeSet<>();
		for (Method method : DefaultProcessEngineRestServiceImpl.class.getMethods()) {
			Path path = method.getAnnotation(Path.class);
			if (path != null && !covered.contains(path.value().substring(1).split("/")[0])) {
				missing.add(path.value());
			}
		}
		assertThat(missing).as("engine REST resources without rows in " + MATRIX).isEmpty();
	}

	private void check(List<String> failures, Row row, String column, String surface, String expected, int actual) {
		if (Integer.parseInt(expected) != actual) {
			failures.add(row.method() + " " + row.path() + " as " + column + " on " + surface + ": expected " + expected
					+ ", was " + actual);
		}
	}

	private String user(String column) {
		return switch (column) {
			case "rapporteur", "reviewer" -> this.placeholders.get(column);
			case "anonymous" -> null;
			default -> column;
		};
	}

	private int call(String surface, String method, String rawPath, String rawBody, String user) {
		String path = resolve(rawPath, user);
		String body = (rawBody == null || rawBody.isEmpty()) ? null : resolve(rawBody, user);
		HttpMethod http = HttpMethod.valueOf(method);
		TestRestTemplate client = this.rest.withRedirects(Redirects.DONT_FOLLOW);
		HttpHeaders headers = new HttpHeaders();
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		switch (surface) {
			case "tasklist" -> {
				if (user == null) {
					return client.exchange(path, http, new HttpEntity<>(body, headers), String.class)
						.getStatusCode()
						.value();
				}
				TasklistSession session = this.tasklistSessions.computeIfAbsent(user,
						(u) -> TasklistSession.login(this.rest, u, "demo"));
				return session.exchange(path, http, body).getStatusCode().value();
			}
			case "page" -> {
				if (user != null) {
					headers.add(HttpHeaders.COOKIE,
							"JSESSIONID=" + this.pageSessions.computeIfAbsent(user, this::login));
				}
				headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
				return client.exchange(path, http, new HttpEntity<>(body, headers), String.class)
					.getStatusCode()
					.value();
			}
			default -> {
				if (user != null) {
					headers.setBasicAuth(user, "demo");
				}
				return client.exchange(path, http, new HttpEntity<>(body, headers), String.class)
					.getStatusCode()
					.value();
			}
		}
	}

	/**
	 * Signs in through the login form, as a browser does, and returns the session.
	 */
	private String login(String user) {
		ResponseEntity<String> page = this.rest.getForEntity("/login", String.class);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
		assertThat(csrf.find()).isTrue();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + TasklistSession.cookie(page, "JSESSIONID"));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", "demo");
		form.add("_csrf", csrf.group(1));
		ResponseEntity<String> login = this.rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode().value()).as("login of " + user).isEqualTo(302);
		return TasklistSession.cookie(login, "JSESSIONID");
	}

	private String resolve(String text, String user) {
		String resolved = text;
		for (Map.Entry<String, String> placeholder : this.placeholders.entrySet()) {
			resolved = resolved.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
		}
		return resolved.replace("{self}", (user != null) ? user : "nobody");
	}

	/**
	 * A path with every variable part as {@code {}}: {@code /api/tasks/{}/complete}.
	 */
	private String shape(String path) {
		String shape = path.split("\\?")[0].replaceAll("\\{[^}]+\\}", "{}");
		// the concrete registry codes of the rows stand for the mappings' variables
		return shape.replaceAll("/(states|meetings)/CCM/[A-Z0-9]+", "/$1/{}/{}");
	}

	private List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(getClass().getResourceAsStream(MATRIX), StandardCharsets.UTF_8))) {
			String line;
			boolean header = true;
			while ((line = in.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] cells = line.split(";", -1);
				assertThat(cells).as(line).hasSize(3 + USERS.size());
				rows.add(new Row(cells[0], cells[1], cells[2], List.of(cells).subList(3, cells.length)));
			}
		}
		return rows;
	}

	record Row(String method, String path, String body, List<String> statuses) {

	}

}
