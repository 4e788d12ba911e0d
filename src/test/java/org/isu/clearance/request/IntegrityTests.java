package org.isu.clearance.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.TasklistSession;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * The attacks of the integrity review, each replayed with its exact request on every
 * surface it applies to (the application's {@code /api}, {@code /engine-rest}, Tasklist's
 * REST API under {@code /camunda/api/engine}), asserting the refusal and that the record
 * is unchanged: the instance's variables, the task's assignee, the outbox.
 */
@ApplicationTest
class IntegrityTests {

	private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private JdbcTemplate jdbc;

	private String instance;

	private Task review;

	private String rapporteur;

	private String otherReviewer;

	@BeforeEach
	void aRequestAtItsPreliminaryReview() {
		this.review = RequestFixtures.atPreliminaryReview(this.context, "SYC");
		this.instance = this.review.getProcessInstanceId();
		this.rapporteur = this.review.getAssignee();
		this.otherReviewer = RequestFixtures.otherReviewer(this.rapporteur);
	}

	@AfterEach
	void tearDown() {
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike("CCM-SYC-%")
			.list()
			.forEach((pi) -> this.runtime.deleteProcessInstance(pi.getId(), "test over"));
	}

	@Test
	void anotherReviewerCannotCompleteTheRapporteursReviewNorRewriteTheRecipients() {
		Map<String, Object> variables = this.runtime.getVariables(this.instance);
		long mails = mails();
		Map<String, Object> outcome = new HashMap<>(RequestFixtures.preliminaryReview(true));
		outcome.put(FOCAL_POINT_EMAIL, "attacker@example.org");
		outcome.put(LATEST_ALLOWED_DEADLINE, "2060-01-01");
		outcome.put(CURRENT_DEADLINE, "2020-01-01");
		outcome.put(RAPPORTEUR, this.otherReviewer);

		assertThat(apiPost(this.otherReviewer, "/api/tasks/" + this.review.getId() + "/complete", outcome))
			.isEqualTo(403);
		assertThat(enginePost(this.otherReviewer, "/engine-rest/task/" + this.review.getId() + "/complete",
				Map.of("variables", typed(outcome))))
			.isEqualTo(403);
		assertThat(tasklist(this.otherReviewer)
			.post(TASKLIST_ENGINE + "/task/" + this.review.getId() + "/submit-form",
					Map.of("variables", typed(outcome)))
			.getStatusCode()
			.value()).isEqualTo(403);
		// the rapporteur may complete, but only with the form's fields: each engine
		// variable
		// is named
		ResponseEntity<Map<String, Object>> own = this.rest.withBasicAuth(this.rapporteur, "demo")
			.exchange("/api/tasks/" + this.review.getId() + "/complete", HttpMethod.POST, new HttpEntity<>(outcome),
					new org.springframework.core.ParameterizedTypeReference<>() {
					});
		assertThat(own.getStatusCode().value()).isEqualTo(400);
		assertThat(List.of(CURRENT_DEADLINE, FOCAL_POINT_EMAIL, LATEST_ALLOWED_DEADLINE, RAPPORTEUR))
			.contains((String) own.getBody().get("field"));
		ResponseEntity<String> engineOwn = this.rest.withBasicAuth(this.rapporteur, "demo")
			.postForEntity("/engine-rest/task/" + this.review.getId() + "/complete",
					Map.of("variables", typed(outcome)), String.class);
		assertThat(engineOwn.getStatusCode().value()).isEqualTo(400);
		assertThat(tasklist(this.rapporteur)
			.post(TASKLIST_ENGINE + "/task/" + this.review.getId() + "/submit-form",
					Map.of("variables", typed(outcome)))
			.getStatusCode()
			.value()).isEqualTo(400);

		assertThat(this.runtime.getVariables(this.instance)).isEqualTo(variables);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isEqualTo(this.rapporteur);
		assertThat(mails()).isEqualTo(mails);
	}

	@Test
	void aFinalReviewBeyondTheCapIsRefusedWhateverTheVariablesSay() {
		this.tasks.complete(this.review.getId(), RequestFixtures.preliminaryReview(false));
		Task finalReview = task(TASK_FINAL_REVIEW);
		Map<String, Object> outcome = RequestFixtures.finalReview("grant", "2060-01-01");
		ResponseEntity<Map<String, Object>> refused = this.rest.withBasicAuth(this.rapporteur, "demo")
			.exchange("/api/tasks/" + finalReview.getId() + "/complete", HttpMethod.POST, new HttpEntity<>(outcome),
					new org.springframework.core.ParameterizedTypeReference<>() {
					});
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).containsEntry("field", RECOMMENDED_DEADLINE);
		assertThat(String.valueOf(refused.getBody().get("detail"))).contains("2033-11-01");
		// even a variable rewritten behind the engine's back does not move the cap: the
		// check reads the registry
		this.runtime.setVariable(this.instance, LATEST_ALLOWED_DEADLINE, "2060-01-01");
		assertThat(apiPost(this.rapporteur, "/api/tasks/" + finalReview.getId() + "/complete", outcome)).isEqualTo(400);
		assertThat(task(TASK_FINAL_REVIEW)).isNotNull();
	}

	@Test
	void nobodyWritesVariablesDirectlyNotEvenAnAdministrator() {
		Map<String, Object> variables = this.runtime.getVariables(this.instance);
		Map<String, Object> value = Map.of("value", "XXX", "type", "String");
		for (String user : List.of(this.rapporteur, "isu-officer", "coordinator", "demo-admin")) {
			assertThat(enginePut(user, "/engine-rest/task/" + this.review.getId() + "/variables/" + STATE_CODE, value))
				.as(user)
				.isEqualTo(403);
			assertThat(enginePut(user, "/engine-rest/process-instance/" + this.instance + "/variables/" + STATE_CODE,
					value))
				.as(user)
				.isEqualTo(403);
			assertThat(enginePost(user, "/engine-rest/process-instance/" + this.instance + "/variables",
					Map.of("modifications", Map.of(FOCAL_POINT_EMAIL, value))))
				.as(user)
				.isEqualTo(403);
		}
		assertThat(tasklistPut(this.rapporteur,
				TASKLIST_ENGINE + "/task/" + this.review.getId() + "/variables/" + STATE_CODE, value))
			.isEqualTo(403);
		assertThat(this.runtime.getVariables(this.instance)).isEqualTo(variables);
	}

	@Test
	void onlyTheAssigneeWorksATaskAndCoordinatorsReassignWithinItsGroup() {
		String id = this.review.getId();
		assertThat(enginePost(this.otherReviewer, "/engine-rest/task/" + id + "/assignee",
				Map.of("userId", this.otherReviewer)))
			.isEqualTo(403);
		assertThat(enginePost(this.otherReviewer, "/engine-rest/task/" + id + "/unclaim", Map.of())).isEqualTo(403);
		assertThat(apiPost(this.otherReviewer, "/api/tasks/" + id + "/unclaim", Map.of())).isEqualTo(403);
		assertThat(tasklist(this.otherReviewer).post(TASKLIST_ENGINE + "/task/" + id + "/unclaim", Map.of())
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(enginePost(this.otherReviewer, "/engine-rest/task/" + id + "/bpmnError",
				Map.of("errorCode", "x", "variables", typed(Map.of(DECISION, "granted")))))
			.isEqualTo(403);
		assertThat(enginePost(this.rapporteur, "/engine-rest/task/" + id + "/bpmnEscalation",
				Map.of("escalationCode", "x")))
			.isEqualTo(403);
		// claiming a task someone holds is a conflict, not a server error
		ResponseEntity<String> claimed = this.rest.withBasicAuth(this.otherReviewer, "demo")
			.postForEntity("/engine-rest/task/" + id + "/claim", Map.of("userId", this.otherReviewer), String.class);
		assertThat(claimed.getStatusCode().value())
			.as(claimed.getBody() + " / task " + id + " open: " + this.tasks.createTaskQuery().taskId(id).count())
			.isEqualTo(409);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isEqualTo(this.rapporteur);

		// the assignee gives it back; a group member claims it for themselves only
		assertThat(enginePost(this.rapporteur, "/engine-rest/task/" + id + "/unclaim", Map.of())).isEqualTo(204);
		assertThat(
				enginePost(this.otherReviewer, "/engine-rest/task/" + id + "/claim", Map.of("userId", this.rapporteur)))
			.isEqualTo(403);
		assertThat(tasklist(this.otherReviewer)
			.post(TASKLIST_ENGINE + "/task/" + id + "/claim", Map.of("userId", this.rapporteur))
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isNull();
		assertThat(apiPost(this.otherReviewer, "/api/tasks/" + id + "/claim", Map.of())).isEqualTo(204);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isEqualTo(this.otherReviewer);

		// a coordinator reassigns within the task's group, recorded on the task
		assertThat(apiPost("coordinator", "/api/tasks/" + id + "/assignee", Map.of("userId", "isu-officer")))
			.isEqualTo(400);
		assertThat(apiPost("coordinator", "/api/tasks/" + id + "/assignee", Map.of("userId", this.rapporteur)))
			.isEqualTo(204);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isEqualTo(this.rapporteur);
		assertThat(this.tasks.getTaskComments(id)).anySatisfy((comment) -> assertThat(comment.getFullMessage())
			.contains(this.otherReviewer, this.rapporteur, "coordinator"));
		assertThat(enginePost("coordinator", "/engine-rest/task/" + id + "/assignee", Map.of("userId", "isu-officer")))
			.isEqualTo(400);
		assertThat(task(TASK_PRELIMINARY_REVIEW).getAssignee()).isEqualTo(this.rapporteur);
	}

	@Test
	void noUserModifiesAnInstanceCorrelatesTheWithdrawalOrTouchesJobs() {
		Map<String, Object> jump = Map.of("instructions",
				List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_RECORD_DECISION)));
		for (String user : List.of("isu-officer", "coordinator", this.rapporteur)) {
			assertThat(enginePost(user, "/engine-rest/process-instance/" + this.instance + "/modification", jump))
				.as(user)
				.isEqualTo(403);
			assertThat(enginePost(user, "/engine-rest/message",
					Map.of("messageName", MESSAGE_WITHDRAWN, "businessKey", "CCM-SYC-15MSP")))
				.as(user)
				.isEqualTo(403);
		}
		assertThat(enginePost("demo-admin", "/engine-rest/message",
				Map.of("messageName", MESSAGE_WITHDRAWN, "businessKey", "CCM-SYC-15MSP")))
			.isEqualTo(403);
		assertThat(this.runtime.getActiveActivityIds(this.instance)).contains(TASK_PRELIMINARY_REVIEW)
			.doesNotContain(TASK_RECORD_DECISION);

		Job job = this.management.createJobQuery().processInstanceId(this.instance).timers().list().get(0);
		for (String user : List.of("isu-officer", "coordinator", this.rapporteur)) {
			assertThat(enginePost(user, "/engine-rest/job/" + job.getId() + "/execute", Map.of())).isEqualTo(403);
			assertThat(enginePut(user, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 0)))
				.isEqualTo(403);
			assertThat(enginePut(user, "/engine-rest/job/" + job.getId() + "/suspended", Map.of("suspended", true)))
				.isEqualTo(403);
			assertThat(enginePut(user, "/engine-rest/job-definition/" + job.getJobDefinitionId() + "/suspended",
					Map.of("suspended", true)))
				.isEqualTo(403);
		}
		Job after = this.management.createJobQuery().jobId(job.getId()).singleResult();
		assertThat(after.getRetries()).isEqualTo(job.getRetries());
		assertThat(after.isSuspended()).isFalse();
	}

	@Test
	void noValueOfTypeObjectIsAccepted() {
		Map<String, Object> gadget = Map.of("value", "{}", "type", "Object", "valueInfo",
				Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));
		for (String user : List.of(this.rapporteur, "demo-admin")) {
			assertThat(enginePut(user, "/engine-rest/task/" + this.review.getId() + "/localVariables/x", gadget))
				.isEqualTo(400);
		}
		assertReviewRefusedWithFindings(gadget);
		assertThat(this.tasks.getVariablesLocal(this.review.getId())).doesNotContainKey("x");
	}

	/**
	 * The rapporteur's preliminary review, with these findings, is refused (400) through
	 * the engine's REST API and through Tasklist, and the task stays open.
	 */
	private void assertReviewRefusedWithFindings(Map<String, Object> findings) {
		Map<String, Object> outcome = new HashMap<>(typed(RequestFixtures.preliminaryReview(false)));
		outcome.put(PRELIMINARY_FINDINGS, findings);
		assertThat(enginePost(this.rapporteur, "/engine-rest/task/" + this.review.getId() + "/complete",
				Map.of("variables", outcome)))
			.isEqualTo(400);
		assertThat(tasklist(this.rapporteur)
			.post(TASKLIST_ENGINE + "/task/" + this.review.getId() + "/submit-form", Map.of("variables", outcome))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(task(TASK_PRELIMINARY_REVIEW)).isNotNull();
	}

	/**
	 * A transient value would steer the step (its checks and the gateways after it read
	 * it) and never reach the record: refused on every surface, before the engine sees
	 * it.
	 */
	@Test
	void noTransientValueIsAccepted() {
		assertReviewRefusedWithFindings(Map.of("value", "Findings no one will read.", "type", "String", "valueInfo",
				Map.of("transient", true)));
		Map<String, Object> start = new HashMap<>(typed(Map.of(CONVENTION, "CCM", STATE_CODE, "SYC", REQUESTED_DEADLINE,
				"2031-11-01", SUBMITTED_ON, "2027-11-01")));
		start.put(MEETING_CODE, Map.of("value", "15MSP", "type", "String", "valueInfo", Map.of("transient", true)));
		assertThat(enginePost("isu-officer", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
				Map.of("variables", start)))
			.isEqualTo(400);
	}

	@Test
	void reviewersReadTheRequestsHistoryButNotTheOperationOrJobLog() {
		String reviewer = this.otherReviewer;
		assertThat(engineGet(reviewer, "/engine-rest/history/user-operation").getStatusCode().value()).isEqualTo(403);
		assertThat(engineGet(reviewer, "/engine-rest/history/job-log").getStatusCode().value()).isEqualTo(403);
		assertThat(engineGet(reviewer, "/engine-rest/job").getStatusCode().value()).isEqualTo(403);
		assertThat(engineGet(reviewer, "/engine-rest/history/variable-instance?processInstanceId=" + this.instance)
			.getBody()).as("the request's history, as its reviewers see it on the dashboard").contains(STATE_CODE);
		assertThat(engineGet(reviewer, "/engine-rest/history/process-instance?processDefinitionKey=deadline-watch")
			.getBody()).isEqualTo("[]");
		assertThat(engineGet("demo-admin", "/engine-rest/history/user-operation").getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void badInputIsNeverAServerError() {
		assertThat(enginePost("demo-admin", "/engine-rest/process-definition/key/deadline-watch/start", Map.of()))
			.isEqualTo(400);
		assertThat(enginePost("isu-officer", "/engine-rest/process-definition/key/deadline-watch/start", Map.of()))
			.isEqualTo(403);
		assertThat(engineGet("demo-admin", "/engine-rest;x=y/user").getStatusCode().value()).isEqualTo(400);
		assertThat(this.rest.getForEntity("/error", String.class).getStatusCode().value()).isEqualTo(404);
		// the start form's fields only, on every surface
		assertThat(enginePost("isu-officer", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
				Map.of("variables",
						typed(Map.of(CONVENTION, "CCM", STATE_CODE, "SYC", LATEST_ALLOWED_DEADLINE, "2060-01-01")))))
			.isEqualTo(400);
	}

	@Test
	void theRegistryRefusesTheUnauthorizedBeforeReadingTheBodyAndFormsNeedTheirCsrfToken() {
		assertThat(apiPost("ag-member", "/api/states", Map.of("code", "X"))).isEqualTo(403);
		HttpHeaders basic = new HttpHeaders();
		basic.setBasicAuth("coordinator", "demo");
		basic.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> form = this.rest.exchange("/meetings/new", HttpMethod.POST,
				new HttpEntity<>("convention=CCM&code=99MSP&kind=MSP&firstDay=2040-09-01&lastDay=2040-09-04", basic),
				String.class);
		assertThat(form.getStatusCode().value()).isIn(302, 401, 403);
		assertThat(this.registry.findMeeting(org.isu.clearance.registry.Convention.CCM, "99MSP")).isEmpty();
	}

	private Task task(String key) {
		return this.tasks.createTaskQuery().processInstanceId(this.instance).taskDefinitionKey(key).singleResult();
	}

	private long mails() {
		return this.jdbc.queryForObject("select count(*) from outbox_mail where process_instance_id = ?", Long.class,
				this.instance);
	}

	private TasklistSession tasklist(String user) {
		return TasklistSession.login(this.rest, user, "demo");
	}

	private int tasklistPut(String user, String path, Object body) {
		return tasklist(user).exchange(path, HttpMethod.PUT, body).getStatusCode().value();
	}

	private int apiPost(String user, String path, Object body) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class)
			.getStatusCode()
			.value();
	}

	private int enginePost(String user, String path, Object body) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class)
			.getStatusCode()
			.value();
	}

	private int enginePut(String user, String path, Object body) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class)
			.getStatusCode()
			.value();
	}

	private ResponseEntity<String> engineGet(String user, String path) {
		return this.rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
	}

	static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> {
			Map<String, Object> variable = new HashMap<>();
			variable.put("value", value);
			variable.put("type", (value instanceof Boolean) ? "Boolean" : (value == null) ? "Null" : "String");
			typed.put(name, variable);
		});
		return typed;
	}

}
