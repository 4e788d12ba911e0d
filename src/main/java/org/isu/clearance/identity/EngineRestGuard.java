package org.isu.clearance.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.ForbiddenException;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The rules Camunda's permissions cannot express, on both HTTP surfaces of the engine:
 * {@code /engine-rest} and the REST API Tasklist and Cockpit use
 * ({@code /camunda/api/engine/engine/default}). Reads are left to the engine's
 * authorizations; a write passes only when it is on this list:
 * <ul>
 * <li>work on a task as {@link TaskWork} allows (claim for oneself, unclaim, reassign,
 * complete or submit its form with the form's fields only);</li>
 * <li>a comment on a task;</li>
 * <li>a process start (the engine checks {@code CREATE_INSTANCE}) with the start form's
 * fields only;</li>
 * <li>one's own profile and password;</li>
 * <li>anything else for {@code camunda-admin}, except what no user does: write process
 * variables directly, correlate the application's messages, throw BPMN errors or
 * escalations on tasks.</li>
 * </ul>
 * No body anywhere may carry a value of type {@code Object} (a Java class chosen by the
 * caller) or a transient value (read by the step, kept nowhere). Denials answer in the
 * engine REST API's error format: 403 for a forbidden action, 400 naming the variable for
 * a field the step does not own.
 */
class EngineRestGuard extends OncePerRequestFilter {

	static final String ENGINE_REST = "/engine-rest";

	static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine";

	private static final String ENGINE = "default";

	private static final int BODY_LIMIT = 1024 * 1024;

	/** Engine resources for administrators only, reads included. */
	private static final Set<String> ADMIN_RESOURCES = Set.of("job", "job-definition", "batch", "migration",
			"modification", "external-task", "telemetry", "optimize", "schema", "metrics", "signal", "tenant");

	/** History resources for administrators only: operation log, job log, batches. */
	private static final Set<String> ADMIN_HISTORY = Set.of("user-operation", "job-log", "external-task-log", "batch",
			"cleanup");

	/** Resources whose {@code POST} (or {@code POST …/count}) is a query. */
	private static final Set<String> QUERY_RESOURCES = Set.of("task", "process-instance", "execution",
			"variable-instance", "case-instance", "case-execution", "event-subscription");

	private final TaskWork taskWork;

	private final TaskForms forms;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final ObjectMapper json;

	EngineRestGuard(TaskWork taskWork, TaskForms forms, RepositoryService repository, IdentityService identity,
			AuthorizationService authorizations, ObjectMapper json) {
		this.taskWork = taskWork;
		this.forms = forms;
		this.repository = repository;
		this.identity = identity;
		this.authorizations = authorizations;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> path;
		try {
			path = enginePath(request);
		}
		catch (IllegalArgumentException ex) {
			deny(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", ex.getMessage());
			return;
		}
		Caller caller = (path != null) ? caller(request) : null;
		if (caller == null) {
			// not an engine resource, or not signed in: the authentication layers answer
			chain.doFilter(request, response);
			return;
		}
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		HttpServletRequest forwarded = request;
		JsonNode body = null;
		if (!isRead(method)) {
			byte[] bytes = request.getInputStream().readNBytes(BODY_LIMIT + 1);
			if (bytes.length > BODY_LIMIT) {
				deny(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
						"The request body is larger than " + BODY_LIMIT + " bytes");
				return;
			}
			forwarded = new CachedBodyRequest(request, bytes);
			body = parse(request, bytes);
		}
		Reassignment reassignment;
		try {
			reassignment = check(method, path, caller, body);
		}
		catch (ForbiddenException ex) {
			deny(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", ex.getMessage());
			return;
		}
		catch (FieldValidationException ex) {
			deny(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", ex.getMessage());
			return;
		}
		chain.doFilter(forwarded, response);
		if (reassignment != null && response.getStatus() < 300) {
			this.taskWork.recordReassignment(reassignment.task(), caller, reassignment.userId());
		}
	}

	/**
	 * Refuses what the caller may not do; returns the reassignment to record once the
	 * engine made it.
	 */
	Reassignment check(String method, List<String> path, Caller caller, JsonNode body) {
		if (body != null && carriesJavaObject(body)) {
			throw new FieldValidationException("type",
					"values of type Object or Java-serialized values are not accepted: send String, Boolean, Integer, Long, Double, Date or Json");
		}
		if (body != null && carriesTransientValue(body)) {
			throw new FieldValidationException("valueInfo.transient",
					"transient values are not accepted: every value a step takes is recorded");
		}
		String resource = path.isEmpty() ? "" : path.get(0);
		if (ADMIN_RESOURCES.contains(resource)
				|| ("history".equals(resource) && path.size() > 1 && ADMIN_HISTORY.contains(path.get(1)))) {
			requireAdmin(caller, "this engine resource is for administrators only");
			return null;
		}
		if ("condition".equals(resource)) {
			throw new ForbiddenException("No process of this application starts on a condition");
		}
		if ("message".equals(resource) && !isRead(method)) {
			throw new ForbiddenException("Messages are correlated by the application only: "
					+ "withdraw a request with POST /api/extension-requests/{businessKey}/withdraw and its reason");
		}
		if (isRead(method) || isQuery(method, path)) {
			return null;
		}
		if (path.contains("variables") || path.contains("localVariables") || path.contains("variables-async")) {
			throw new ForbiddenException(
					"Process variables are written only by the step that owns them: complete the task with its form's fields");
		}
		if ("task".equals(resource) && path.size() >= 3) {
			return checkTaskAction(method, path, caller, body);
		}
		if ("process-definition".equals(resource) && isStart(path)) {
			checkStart(path, caller, body);
			return null;
		}
		if ("user".equals(resource) && path.size() == 3 && "PUT".equals(method)
				&& ("profile".equals(path.get(2)) || "credentials".equals(path.get(2)))) {
			if (!caller.userId().equals(path.get(1))) {
				requireAdmin(caller, "a user edits only their own profile and password");
			}
			return null;
		}
		if ("process-instance".equals(resource) && path.size() == 3 && path.get(2).startsWith("modification")
				&& body != null && body.findValue("variables") != null) {
			requireAdmin(caller, "only an administrator modifies an instance");
			throw new ForbiddenException("A modification does not write variables: they belong to the steps");
		}
		requireAdmin(caller, "this change is for administrators only");
		return null;
	}

	private Reassignment checkTaskAction(String method, List<String> path, Caller caller, JsonNode body) {
		String action = path.get(2);
		if ("comment".equals(action) && path.size() == 4 && "create".equals(path.get(3)) && "POST".equals(method)) {
			return null;
		}
		if ("bpmnError".equals(action) || "bpmnEscalation".equals(action)) {
			throw new ForbiddenException("No user throws a BPMN error or escalation on a task");
		}
		if (path.size() != 3 || !"POST".equals(method)) {
			requireAdmin(caller, "this change of a task is for administrators only");
			return null;
		}
		Task task = this.taskWork.find(path.get(1));
		if (task == null) {
			// the engine answers 404
			return null;
		}
		switch (action) {
			case "complete", "submit-form", "resolve" ->
				this.taskWork.checkCompletion(task, caller, variableNames(body));
			case "claim" -> this.taskWork.checkClaim(task, caller, text(body, "userId"));
			case "unclaim" -> {
				this.taskWork.checkUnclaim(task, caller);
				return caller.userId().equals(task.getAssignee()) ? null : new Reassignment(task, null);
			}
			case "assignee", "delegate" -> {
				String userId = text(body, "userId");
				this.taskWork.checkReassignment(task, caller, userId);
				return new Reassignment(task, userId);
			}
			default -> requireAdmin(caller, "this change of a task is for administrators only");
		}
		return null;
	}

	private void checkStart(List<String> path, Caller caller, JsonNode body) {
		ProcessDefinition definition = definition(path);
		if (definition == null) {
			return;
		}
		if (!this.authorizations.isUserAuthorized(caller.userId(), caller.groupIds(),
				ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey())) {
			throw new ForbiddenException("Forbidden: you may not start '" + definition.getKey() + "'");
		}
		this.forms.startFields(definition.getId()).ifPresent((allowed) -> {
			for (String name : variableNames(body)) {
				if (!allowed.contains(name)) {
					throw new FieldValidationException(name,
							"is not a field of the start form: a request is started with " + allowed);
				}
			}
		});
	}

	/**
	 * {@code /process-definition/{id}/start|submit-form} and
	 * {@code /process-definition/key/{key}[/tenant-id/{tenant}]/start|submit-form}.
	 */
	private static boolean isStart(List<String> path) {
		String last = path.get(path.size() - 1);
		return "start".equals(last) || "submit-form".equals(last);
	}

	private ProcessDefinition definition(List<String> path) {
		return AsSystem.call(this.identity, () -> {
			if ("key".equals(path.get(1)) && path.size() >= 4) {
				return this.repository.createProcessDefinitionQuery()
					.processDefinitionKey(path.get(2))
					.latestVersion()
					.singleResult();
			}
			return this.repository.createProcessDefinitionQuery().processDefinitionId(path.get(1)).singleResult();
		});
	}

	private static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	/**
	 * {@code POST} queries: {@code /task}, {@code /task/count},
	 * {@code /filter/{id}/list}, {@code /history/task}, {@code /history/task/count}, ….
	 */
	private static boolean isQuery(String method, List<String> path) {
		if (!"POST".equals(method) || path.isEmpty()) {
			return false;
		}
		String resource = path.get(0);
		boolean countOrNothing = path.size() == 1 || (path.size() == 2 && "count".equals(path.get(1)));
		if (QUERY_RESOURCES.contains(resource) && countOrNothing) {
			return true;
		}
		if ("filter".equals(resource) && path.size() == 3
				&& Set.of("list", "count", "singleResult").contains(path.get(2))) {
			return true;
		}
		if ("history".equals(resource) && path.size() >= 2
				&& (path.size() == 2 || (path.size() == 3 && "count".equals(path.get(2))))) {
			return true;
		}
		return "identity".equals(resource) && path.size() == 2 && "password-policy".equals(path.get(1));
	}

	private static void requireAdmin(Caller caller, String reason) {
		if (!caller.isAdmin()) {
			throw new ForbiddenException("Forbidden: " + reason);
		}
	}

	/**
	 * The engine resource path of the request as decoded segments ({@code [task, 42,
	 * complete]}), or {@code null} when the request does not address the default engine's
	 * resources.
	 */
	static List<String> enginePath(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		String rest;
		if (uri.startsWith(WEBAPP_ENGINE_API + "/")) {
			rest = uri.substring(WEBAPP_ENGINE_API.length());
		}
		else if (uri.equals(ENGINE_REST) || uri.startsWith(ENGINE_REST + "/")) {
			rest = uri.substring(ENGINE_REST.length());
			if (rest.startsWith("/engine/")) {
				rest = rest.substring("/engine".length());
			}
			else {
				rest = "/" + ENGINE + rest;
			}
		}
		else {
			return null;
		}
		List<String> segments = new ArrayList<>();
		for (String segment : rest.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.indexOf(';') >= 0) {
				throw new IllegalArgumentException("Path parameters (';') are not accepted");
			}
			segments.add(UriUtils.decode(segment, StandardCharsets.UTF_8));
		}
		if (segments.isEmpty()) {
			return null;
		}
		// after the engine's name (another engine's path is answered 404 by the REST API)
		return List.copyOf(segments.subList(1, segments.size()));
	}

	/**
	 * The signed-in user: from Spring Security on {@code /engine-rest}, from the webapps'
	 * session on {@code /camunda/api}.
	 */
	private Caller caller(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (uri.startsWith(WEBAPP_ENGINE_API)) {
			HttpSession session = request.getSession(false);
			if (session == null) {
				return null;
			}
			Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
			if (authentications != null
					&& authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
					&& user.getIdentityId() != null) {
				return new Caller(user.getIdentityId(), user.getGroupIds());
			}
			return null;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return null;
		}
		return new Caller(authentication.getName(), Groups.of(authentication));
	}

	private JsonNode parse(HttpServletRequest request, byte[] bytes) {
		if (bytes.length == 0) {
			return null;
		}
		if (!isJson(request.getContentType())) {
			return null;
		}
		try {
			return this.json.readTree(bytes);
		}
		catch (IOException ex) {
			// the REST API answers the malformed body itself
			return null;
		}
	}

	/**
	 * What the REST API reads as JSON: no content type, or any {@code …/json} or
	 * {@code …/…+json} (as Jackson's JAX-RS provider does).
	 */
	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			String subtype = MediaType.parseMediaType(contentType).getSubtype();
			return "json".equals(subtype) || subtype.endsWith("+json");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The variables a completion, form submission or start writes: {@code {"variables":
	 * {name: {value, type}}}}.
	 */
	static List<String> variableNames(JsonNode body) {
		List<String> names = new ArrayList<>();
		if (body != null && body.path("variables").isObject()) {
			body.path("variables").fieldNames().forEachRemaining(names::add);
		}
		return names;
	}

	private static String text(JsonNode body, String field) {
		return (body != null && body.hasNonNull(field)) ? body.get(field).asText() : null;
	}

	/**
	 * A typed value naming the type {@code Object}, or Java serialization, anywhere in
	 * the body.
	 */
	static boolean carriesJavaObject(JsonNode node) {
		return anywhere(node, (object) -> {
			JsonNode type = object.get("type");
			JsonNode format = object.get("serializationDataFormat");
			return (type != null && type.isTextual() && "object".equalsIgnoreCase(type.asText()))
					|| (format != null && format.asText().toLowerCase(Locale.ROOT).contains("java"));
		});
	}

	/**
	 * A typed value marked transient anywhere in the body: the engine would let the step
	 * and the gateways after it read the value and then keep no trace of it.
	 */
	static boolean carriesTransientValue(JsonNode node) {
		return anywhere(node, (object) -> object.path("valueInfo").path("transient").asBoolean(false));
	}

	/**
	 * Whether an object anywhere in the body, at any depth, matches.
	 */
	private static boolean anywhere(JsonNode node, Predicate<JsonNode> matches) {
		if (node.isObject()) {
			if (matches.test(node)) {
				return true;
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				if (anywhere(fields.next().getValue(), matches)) {
					return true;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (anywhere(element, matches)) {
					return true;
				}
			}
		}
		return false;
	}

	private void deny(HttpServletResponse response, int status, String type, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("type", type, "message", message)));
	}

	record Reassignment(Task task, String userId) {

	}

	/**
	 * The request with its body read once by the guard and handed on unchanged.
	 */
	static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
