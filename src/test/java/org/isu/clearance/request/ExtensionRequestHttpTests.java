package org.isu.clearance.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.SignedIn;
import org.isu.clearance.TasklistSession;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * A whole request over HTTP, as the demo users would drive it: the ISU officer through
 * {@code /engine-rest}, the Analysis Group and the coordinator through the application's
 * {@code /api}. The engine's authorizations, the assignee rule and the outcome validation
 * hold on both.
 */
@ApplicationTest
class ExtensionRequestHttpTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private ManagementService management;

	@Autowired
	private RuntimeService runtime;

	@AfterEach
	void tearDown() {
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKeyLike("CCM-SWE-%")
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRequestFromIntakeToDecision() {
		RequestFixtures.state(this.registry, "SWE", "2028-11-01");
		ResponseEntity<Map<String, Object>> started = post("isu-officer", "/api/extension-requests",
				Map.of("convention", "CCM", "stateCode", "SWE", "requestedDeadline", "2031-11-01", "submittedOn",
						"2026-11-20", "summary", "Three more years for the northern provinces."));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(started.getBody()).containsEntry("businessKey", "CCM-SWE-15MSP")
			.containsEntry("meetingCode", "15MSP")
			.containsEntry("submissionDue", "2027-12-15")
			.containsEntry("late", false);
		String instance = (String) started.getBody().get("processInstanceId");
		runJobs(instance);

		// ISU officer, through /engine-rest: the analysis group may not touch the ISU's
		// task
		String check = taskId("isu-officer", instance, TASK_CHECK_COMPLETENESS);
		assertThat(this.rest.withBasicAuth("isu-officer", "demo").getForObject("/api/tasks", List.class))
			.anySatisfy((task) -> assertThat((Map<String, Object>) task).containsEntry("id", check)
				.containsEntry("taskDefinitionKey", TASK_CHECK_COMPLETENESS)
				.containsEntry("businessKey", "CCM-SWE-15MSP"));
		assertThat(this.rest.withBasicAuth("ag-member", "demo").getForObject("/api/tasks", List.class))
			.noneSatisfy((task) -> assertThat((Map<String, Object>) task).containsEntry("id", check));
		assertThat(engineComplete("ag-member", check, Map.of(REQUEST_COMPLETE, true)).getStatusCode().value()).isIn(403,
				404);
		assertThat(
				post("ag-member", "/api/tasks/" + check + "/complete", Map.of(REQUEST_COMPLETE, true)).getStatusCode()
					.value())
			.isIn(403, 404);
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.postForEntity("/engine-rest/task/" + check + "/claim", Map.of("userId", "ag-member"), String.class)
			.getStatusCode()
			.value()).isIn(403, 404);
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.getForEntity("/engine-rest/task/" + check + "/deployed-form", String.class)
			.getBody()).contains("\"id\"", "requestComplete");

		// only the assignee completes: the ISU officer claims the task first
		assertThat(engineComplete("isu-officer", check, Map.of(REQUEST_COMPLETE, true)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		engineClaim("isu-officer", check);
		ResponseEntity<String> invalid = engineComplete("isu-officer", check, Map.of(COMPLETENESS_NOTES, "?"));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(invalid.getBody()).contains(REQUEST_COMPLETE);
		ResponseEntity<String> withoutRequest = engineComplete("isu-officer", check,
				Map.of(REQUEST_COMPLETE, true, COMPLETENESS_NOTES, "All six items."));
		assertThat(withoutRequest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(withoutRequest.getBody()).contains("documents");
		upload("isu-officer", "CCM-SWE-15MSP", "request", "en");
		assertThat(engineComplete("isu-officer", check,
				Map.of(REQUEST_COMPLETE, true, COMPLETENESS_NOTES, "All six items."))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// Analysis Group, through /api: the rapporteur's preliminary and final review
		String rapporteur = (String) this.runtime.getVariable(instance, RAPPORTEUR);
		String preliminary = visibleTask(rapporteur, instance, TASK_PRELIMINARY_REVIEW);
		assertThat(post(rapporteur, "/api/tasks/" + preliminary + "/complete", RequestFixtures.preliminaryReview(false))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		String finalReview = visibleTask(rapporteur, instance, TASK_FINAL_REVIEW);
		ResponseEntity<Map<String, Object>> noRecommendation = post(rapporteur,
				"/api/tasks/" + finalReview + "/complete", RequestFixtures.finalReview(null, "2031-11-01"));
		assertThat(noRecommendation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noRecommendation.getBody()).containsEntry("field", RECOMMENDATION);
		assertThat(post(rapporteur, "/api/tasks/" + finalReview + "/complete",
				RequestFixtures.finalReview("grant", "2031-11-01"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// coordinator: endorsement, claimed through /api first
		String endorse = visibleTask("coordinator", instance, TASK_ENDORSE_ANALYSIS);
		assertThat(post("coordinator", "/api/tasks/" + endorse + "/claim", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("coordinator", "/api/tasks/" + endorse + "/complete", RequestFixtures.endorsement(true, null))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// ISU officer: six translations through Tasklist's form submission endpoint of
		// /engine-rest, each once its official version is in the record
		String first = taskId("isu-officer", instance, TASK_CONFIRM_TRANSLATION);
		engineClaim("isu-officer", first);
		ResponseEntity<String> withoutFile = this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/engine-rest/task/" + first + "/submit-form",
					Map.of("variables", typed(RequestFixtures.translation("CCM/MSP/2028/4"))), String.class);
		assertThat(withoutFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(withoutFile.getBody()).contains("documents", "analysis-official");
		for (String language : List.of("ar", "zh", "en", "fr", "ru", "es")) {
			upload("isu-officer", "CCM-SWE-15MSP", "analysis-official", language);
		}
		for (int i = 0; i < 6; i++) {
			String translation = taskId("isu-officer", instance, TASK_CONFIRM_TRANSLATION);
			engineClaim("isu-officer", translation);
			assertThat(this.rest.withBasicAuth("isu-officer", "demo")
				.postForEntity("/engine-rest/task/" + translation + "/submit-form",
						Map.of("variables", typed(RequestFixtures.translation("CCM/MSP/2028/4"))), String.class)
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}

		String presentation = visibleTask("coordinator", instance, TASK_PREPARE_PRESENTATION);
		post("coordinator", "/api/tasks/" + presentation + "/claim", Map.of());
		assertThat(post("coordinator", "/api/tasks/" + presentation + "/complete",
				Map.of(PRESENTATION_NOTES, "Sweden presents; the rapporteur summarises."))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		runTimer(instance);

		String decision = taskId("isu-officer", instance, TASK_RECORD_DECISION);
		engineClaim("isu-officer", decision);
		ResponseEntity<String> tooEarly = engineComplete("isu-officer", decision,
				RequestFixtures.decision("granted", "2028-01-01"));
		assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tooEarly.getBody()).contains(NEW_DEADLINE);
		assertThat(engineComplete("isu-officer", decision, RequestFixtures.decision("granted", "2031-11-01"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		runJobs(instance);

		ResponseEntity<Map<String, Object>> sweden = this.rest.withBasicAuth("coordinator", "demo")
			.exchange("/api/states/CCM/SWE", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(sweden.getBody()).containsEntry("clearanceDeadline", "2031-11-01");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void aRequestReceivedAfterTheDeadlineExpiredIsAcceptedButFlaggedAndTheStateListedAsExpired() {
		RequestFixtures.state(this.registry, "FIN", "2026-11-01");
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/states?expired=true&convention=CCM", String.class)
			.getBody()).contains("\"code\":\"FIN\"");
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/states?expired=false&convention=CCM", String.class)
			.getBody()).doesNotContain("\"code\":\"FIN\"");

		ResponseEntity<Map<String, Object>> started = post("isu-officer", "/api/extension-requests",
				Map.of("convention", "CCM", "stateCode", "FIN", "requestedDeadline", "2030-11-01", "submittedOn",
						"2026-11-20", "summary", "Late."));

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(started.getBody()).containsEntry("deadlineExpired", true).containsEntry("late", true);
		String key = (String) started.getBody().get("businessKey");
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/extension-requests/" + key, String.class)
			.getBody()).contains("\"deadlineExpired\":true");
		assertThat(SignedIn.as(this.rest, "ag-member").getForEntity("/requests/" + key, String.class).getBody())
			.contains("data-flag=\"deadline-expired\"");
		assertThat(SignedIn.as(this.rest, "ag-member").getForEntity("/states", String.class).getBody())
			.contains("data-flag=\"deadline-expired\"");
		this.runtime.deleteProcessInstance((String) started.getBody().get("processInstanceId"), "test over");
	}

	@Test
	void aRequestReceivedBeforeTheDeadlineIsNotFlaggedExpired() {
		RequestFixtures.state(this.registry, "SWE", "2028-11-01");
		ResponseEntity<Map<String, Object>> started = post("isu-officer", "/api/extension-requests",
				Map.of("convention", "CCM", "stateCode", "SWE", "requestedDeadline", "2031-11-01", "submittedOn",
						"2026-11-20", "summary", "In time."));
		assertThat(started.getBody()).containsEntry("deadlineExpired", false);
	}

	@Test
	void startingIsRefusedWithTheFieldNamed() {
		RequestFixtures.state(this.registry, "SWE", "2028-11-01");
		Map<String, Object> good = Map.of("convention", "CCM", "stateCode", "SWE", "requestedDeadline", "2031-11-01",
				"submittedOn", "2026-11-20");

		assertField(post("isu-officer", "/api/extension-requests", with(good, "stateCode", "ZZZ")), STATE_CODE);
		assertField(post("isu-officer", "/api/extension-requests", with(good, "requestedDeadline", "2034-01-01")),
				REQUESTED_DEADLINE);
		assertField(post("isu-officer", "/api/extension-requests", with(good, "submittedOn", "20/11/2026")),
				SUBMITTED_ON);
		assertField(post("isu-officer", "/api/extension-requests", with(good, "meetingCode", "42MSP")), MEETING_CODE);
		// the 13MSP met in September 2025, before this request arrived
		assertField(post("isu-officer", "/api/extension-requests", with(good, "meetingCode", "13MSP")), MEETING_CODE);
		assertField(post("isu-officer", "/api/extension-requests", with(good, "convention", "CWC")), CONVENTION);
		assertThat(post("ag-member", "/api/extension-requests", good).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(post("coordinator", "/api/extension-requests", good).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(post("isu-officer", "/api/extension-requests", good).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		assertField(post("isu-officer", "/api/extension-requests/CCM-SWE-15MSP/withdraw", Map.of("reason", " ")),
				"reason");
		assertThat(post("isu-officer", "/api/extension-requests/CCM-XXX-15MSP/withdraw", Map.of("reason", "gone"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("coordinator", "/api/extension-requests/CCM-SWE-15MSP/withdraw",
				Map.of("reason", "Sweden completed clearance."))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void tasklistRefusesAnInvalidFormWith400AndStartsRequestsFromItsStartForm() {
		RequestFixtures.state(this.registry, "NOR", "2028-11-01");
		TasklistSession tasklist = TasklistSession.login(this.rest, "isu-officer", "demo");
		assertThat(tasklist.loginResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		String engine = "/camunda/api/engine/engine/default";

		ResponseEntity<String> badStart = tasklist.post(
				engine + "/process-definition/key/" + PROCESS_KEY + "/submit-form",
				Map.of("variables", typed(Map.of(CONVENTION, "CCM", STATE_CODE, "NOR", REQUESTED_DEADLINE, "2040-01-01",
						SUBMITTED_ON, "2026-11-20"))));
		assertThat(badStart.getStatusCode()).as(badStart.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badStart.getBody()).contains(REQUESTED_DEADLINE);

		ResponseEntity<String> started = tasklist.post(
				engine + "/process-definition/key/" + PROCESS_KEY + "/submit-form",
				Map.of("variables", typed(Map.of(CONVENTION, "CCM", STATE_CODE, "NOR", REQUESTED_DEADLINE, "2031-11-01",
						SUBMITTED_ON, "2026-11-20", SUMMARY, "From Tasklist's start form."))));
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("CCM-NOR-15MSP")
			.singleResult()
			.getId();
		assertThat(
				tasklist.post(engine + "/process-definition/key/" + PROCESS_KEY + "/submit-form",
						Map.of("variables", typed(Map.of(CONVENTION, "CCM", STATE_CODE, "NOR", REQUESTED_DEADLINE,
								"2031-11-01", SUBMITTED_ON, "2026-11-20"))))
					.getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		runJobs(instance);

		String check = taskId("isu-officer", instance, TASK_CHECK_COMPLETENESS);
		assertThat(tasklist.post(engine + "/task/" + check + "/claim", Map.of("userId", "isu-officer")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		upload("isu-officer", "CCM-NOR-15MSP", "request", "en");
		ResponseEntity<String> invalid = tasklist.post(engine + "/task/" + check + "/submit-form",
				Map.of("variables", typed(Map.of(REQUEST_COMPLETE, false))));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(invalid.getBody()).contains(COMPLETENESS_NOTES);
		assertThat(tasklist
			.post(engine + "/task/" + check + "/submit-form",
					Map.of("variables", typed(Map.of(REQUEST_COMPLETE, true))))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void upload(String user, String businessKey, String kind, String language) {
		assertThat(this.rest.withBasicAuth(user, "demo")
			.postForEntity("/api/extension-requests/" + businessKey + "/documents",
					DocumentFixtures.multipart(kind, language, null, kind + "-" + language + ".pdf",
							DocumentFixtures.pdf(4096, language.hashCode())),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private void runJobs(String instance) {
		RequestFixtures.runAsyncSteps(this.management,
				this.runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult());
	}

	private void runTimer(String instance) {
		Job timer = this.management.createJobQuery()
			.processInstanceId(instance)
			.activityId(TIMER_MEETING_OPENS)
			.singleResult();
		this.management.executeJob(timer.getId());
	}

	private String taskId(String user, String instance, String key) {
		ResponseEntity<List<Map<String, Object>>> tasks = this.rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key, HttpMethod.GET,
					null, new ParameterizedTypeReference<>() {
					});
		assertThat(tasks.getBody()).as(user + " sees " + key).isNotEmpty();
		return (String) tasks.getBody().get(0).get("id");
	}

	private String visibleTask(String user, String instance, String key) {
		ResponseEntity<List<Map<String, Object>>> tasks = this.rest.withBasicAuth(user, "demo")
			.exchange("/api/tasks", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		return tasks.getBody()
			.stream()
			.filter((task) -> instance.equals(task.get("processInstanceId"))
					&& key.equals(task.get("taskDefinitionKey")))
			.map((task) -> (String) task.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(user + " does not see " + key));
	}

	private void engineClaim(String user, String taskId) {
		assertThat(this.rest.withBasicAuth(user, "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private ResponseEntity<String> engineComplete(String user, String taskId, Map<String, Object> variables) {
		return this.rest.withBasicAuth(user, "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)),
					String.class);
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() {
			});
	}

	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> {
			Map<String, Object> variable = new HashMap<>();
			variable.put("value", value);
			variable.put("type", (value instanceof Boolean) ? "Boolean" : (value == null) ? "Null" : "String");
			typed.put(name, variable);
		});
		return typed;
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

	private static void assertField(ResponseEntity<Map<String, Object>> response, String field) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("field", field);
	}

}
