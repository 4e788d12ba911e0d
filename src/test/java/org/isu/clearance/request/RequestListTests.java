package org.isu.clearance.request;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.SignedIn;
import org.isu.clearance.document.Documents;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request list, its API and CSV export, on requests driven through the real process.
 */
@ApplicationTest
class RequestListTests {

	@Autowired
	private ExportPermits exportPermits;

	@Autowired
	private Documents documents;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private ManagementService management;

	@Autowired
	private TaskService tasks;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RequestProjectionBackfill backfill;

	private final ObjectMapper json = new ObjectMapper();

	private static String onTime;

	private static String late;

	private static String withdrawn;

	@BeforeEach
	void requests() {
		// every date below is seen from this day
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.parse("2026-11-23T10:00").atZone(ZoneId.systemDefault()).toInstant()));
		if (onTime != null) {
			return;
		}
		// 14MSP (14 September 2027): submission due 14 December 2026
		RequestFixtures.state(this.registry, "FJI", "2027-10-01");
		// 3RC (14 September 2026): submission due 14 December 2025, so a late request;
		// the
		// 3RC had opened when it arrived, so the 14MSP decides it
		RequestFixtures.state(this.registry, "ISL", "2027-08-01");
		RequestFixtures.state(this.registry, "NZL", "2027-10-01");
		onTime = RequestFixtures.startRequest(this.requests, this.management, "FJI", "2029-10-01", "2026-11-02");
		late = RequestFixtures.startRequest(this.requests, this.management, "ISL", "2029-08-01", "2026-11-02");
		withdrawn = RequestFixtures.startRequest(this.requests, this.management, "NZL", "2029-10-01", "2026-11-02");
		DocumentFixtures.attach(this.documents, onTime, "request", "en");
		RequestFixtures.complete(this.tasks, this.management, instance(onTime), "Task_CheckCompleteness", "isu-officer",
				"requestComplete", true, "completenessNotes", "Items (a) to (f) present.");
		this.requests.withdraw(withdrawn, "The State withdrew its request by letter.");
		RequestFixtures.runAsyncSteps(this.management,
				this.jdbc.sql("select process_instance_id from dashboard_request where business_key = ?")
					.param(withdrawn)
					.query(String.class)
					.single());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void listsOpenRequestsWithTheirStageAssigneeDueDatesAndFlags() throws Exception {
		JsonNode page = api("/api/extension-requests?convention=CCM&size=500");

		JsonNode fiji = item(page, onTime);
		assertThat(fiji.get("stateName").asText()).isEqualTo("State FJI");
		assertThat(fiji.get("meetingCode").asText()).isEqualTo("14MSP");
		assertThat(fiji.get("submissionDue").asText()).isEqualTo("2026-12-14");
		assertThat(fiji.get("lateSubmission").asBoolean()).isFalse();
		assertThat(fiji.get("status").asText()).isEqualTo("open");
		JsonNode stage = fiji.get("stages").get(0);
		assertThat(stage.get("activityId").asText()).isEqualTo("Task_PreliminaryReview");
		assertThat(stage.get("candidateGroup").asText()).isEqualTo("analysis-group");
		assertThat(stage.get("assignee").asText()).startsWith("ag-member");
		assertThat(stage.get("due").isNull()).isFalse();
		assertThat(fiji.get("daysToMeeting").asLong()).isPositive();

		JsonNode iceland = item(page, late);
		assertThat(iceland.get("lateSubmission").asBoolean()).isTrue();
		assertThat(iceland.get("meetingCode").asText()).isEqualTo("14MSP");
		assertThat(iceland.get("submissionDue").asText()).isEqualTo("2025-12-14");
		assertThat(iceland.get("daysToSubmissionDue").asLong()).isNegative();
		assertThat(iceland.get("stages").get(0).get("activityId").asText()).isEqualTo("Task_CheckCompleteness");
		assertThat(iceland.get("stages").get(0).get("assignee").isNull()).isTrue();
		assertThat(iceland.get("stages").get(0).get("candidateGroup").asText()).isEqualTo("isu");

		assertThat(keys(page)).doesNotContain(withdrawn);
		assertThat(page.get("stageCounts").get("Task_PreliminaryReview").asLong()).isPositive();
		assertThat(page.get("stageCounts").get("Task_CheckCompleteness").asLong()).isPositive();
	}

	@Test
	void filtersByStageMeetingStatusAndOverdue() throws Exception {
		assertThat(keys(api("/api/extension-requests?stage=Task_PreliminaryReview&size=500"))).contains(onTime)
			.doesNotContain(late, withdrawn);
		// a stage's total is its count among the stage counts
		JsonNode inStage = api("/api/extension-requests?stage=Task_PreliminaryReview&overdue=false&size=500");
		assertThat(inStage.get("totalItems").asLong()).isEqualTo(inStage.get("items").size())
			.isEqualTo(inStage.get("stageCounts").get("Task_PreliminaryReview").asLong());
		assertThat(api("/api/extension-requests?stage=Task_PreliminaryReview&status=closed").get("totalItems").asLong())
			.isZero();
		assertThat(api("/api/extension-requests?stage=Task_PreliminaryReview&overdue=true&status=all").get("items"))
			.isEmpty();
		assertThat(keys(api("/api/extension-requests?meeting=14msp&size=500"))).contains(late, onTime);
		assertThat(keys(api("/api/extension-requests?meeting=3rc&size=500"))).doesNotContain(late, onTime);
		JsonNode closed = api("/api/extension-requests?status=closed&size=500");
		assertThat(keys(closed)).contains(withdrawn).doesNotContain(onTime, late);
		assertThat(item(closed, withdrawn).get("status").asText()).isEqualTo("withdrawn");
		assertThat(item(closed, withdrawn).get("stages")).isEmpty();
		assertThat(keys(api("/api/extension-requests?status=all&size=500"))).contains(onTime, late, withdrawn);
		// the late request's completeness check was due on 9 November (5 working days
		// after
		// receipt); the preliminary review of the other is due in February 2027
		JsonNode overdue = api("/api/extension-requests?overdue=true&size=500");
		assertThat(keys(overdue)).contains(late).doesNotContain(onTime, withdrawn);
		assertThat(item(overdue, late).get("overdue").asBoolean()).isTrue();
		assertThat(item(overdue, late).get("stages").get(0).get("overdue").asBoolean()).isTrue();
	}

	/**
	 * The counts per stage are reused between pages for a few seconds, but never across a
	 * change committed on this node: a new request and its completed check show at once.
	 */
	@Test
	void stageCountsFollowEachChangeAtOnce() throws Exception {
		String check = ExtensionRequestProcess.TASK_CHECK_COMPLETENESS;
		String review = ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW;
		JsonNode before = api("/api/extension-requests?size=1").get("stageCounts");
		assertThat(api("/api/extension-requests?size=1").get("stageCounts")).isEqualTo(before);
		RequestFixtures.state(this.registry, "NIU", "2027-10-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "NIU", "2029-10-01", "2026-11-02");
		JsonNode started = api("/api/extension-requests?size=1").get("stageCounts");
		assertThat(started.get(check).asLong()).isEqualTo(before.get(check).asLong() + 1);
		DocumentFixtures.attach(this.documents, key, "request", "en");
		RequestFixtures.complete(this.tasks, this.management, instance(key), check, "isu-officer", "requestComplete",
				true, "completenessNotes", "Items (a) to (f) present.");
		JsonNode checked = api("/api/extension-requests?size=1").get("stageCounts");
		assertThat(checked.get(check).asLong()).isEqualTo(before.get(check).asLong());
		assertThat(checked.get(review).asLong()).isEqualTo(before.get(review).asLong() + 1);
		assertThat(api("/api/extension-requests?stage=" + review + "&size=500").get("totalItems").asLong())
			.isEqualTo(checked.get(review).asLong());
	}

	@Test
	void sortsAndPages() throws Exception {
		JsonNode first = api("/api/extension-requests?status=all&sort=businessKey&direction=desc&size=1&page=0");
		JsonNode second = api("/api/extension-requests?status=all&sort=businessKey&direction=desc&size=1&page=1");
		assertThat(first.get("items")).hasSize(1);
		assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(first.get("totalPages").asLong()).isEqualTo(first.get("totalItems").asLong());
		assertThat(keys(first).get(0)).isGreaterThanOrEqualTo(keys(second).get(0));
		assertThat(first.get("items").get(0)).isNotEqualTo(second.get("items").get(0));
		List<String> ascending = keys(api("/api/extension-requests?status=all&sort=state&size=500"));
		assertThat(ascending.indexOf(onTime)).isLessThan(ascending.indexOf(late));
		List<String> descending = keys(api("/api/extension-requests?status=all&sort=state&direction=desc&size=500"));
		assertThat(descending.indexOf(onTime)).isGreaterThan(descending.indexOf(late));
	}

	@Test
	void rejectsAWrongFilterNamingIt() {
		ResponseEntity<String> response = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/api/extension-requests?stage=Nowhere", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("stage");
		assertThat(SignedIn.as(this.rest, "coordinator")
			.getForEntity("/api/extension-requests?size=100000", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<String> page = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/?sort=nonsense", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(page.getBody()).contains("sort").doesNotContain("Exception");
	}

	@Test
	void needsAnAccountThatMaySeeRequests() {
		assertThat(this.rest.getForEntity("/api/extension-requests", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// the page sends the browser to the login form
		assertThat(this.rest.getForEntity("/", String.class).getBody()).contains("name=\"password\"");
		assertThat(SignedIn.as(this.rest, "ag-member")
			.getForEntity("/api/extension-requests", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void pageShowsTheRequestsWithStageCountsAndFlags() {
		ResponseEntity<String> page = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/?convention=CCM&size=500", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains(onTime, late, "Preliminary review", "late submission",
				"data-stage=\"Task_PreliminaryReview\"");
		String french = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/?convention=CCM&size=500&lang=fr", String.class)
			.getBody();
		assertThat(french).contains("Examen préliminaire", "soumission tardive");
	}

	@Autowired
	private org.springframework.context.ApplicationContext context;

	@Test
	void exportReadInChunksMatchesTheListInEveryOrder() {
		RequestExportCheck.exportMatchesTheList(this.context);
	}

	@Test
	void exportsTheFilteredListAsCsv() {
		ResponseEntity<String> csv = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/requests.csv?status=all&convention=CCM", String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("extension-requests.csv");
		List<String> lines = csv.getBody().lines().toList();
		assertThat(lines.get(0)).startsWith("businessKey,convention,stateCode,state,meeting");
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith(onTime + ",CCM,FJI,State FJI,14MSP")
			.contains("Preliminary review"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith(withdrawn).contains("withdrawn"));
		assertThat(RequestCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(RequestCsv.cell("-12")).isEqualTo("-12");
	}

	@Test
	void anExportBeyondTheConcurrentOnesIsRefusedWith429AndLaterServed() {
		int taken = 0;
		while (this.exportPermits.tryAcquire()) {
			taken++;
		}
		try {
			ResponseEntity<String> refused = SignedIn.as(this.rest, "coordinator")
				.getForEntity("/requests.csv", String.class);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		}
		finally {
			for (int i = 0; i < taken; i++) {
				this.exportPermits.release();
			}
		}
		assertThat(taken).isEqualTo(2);
		assertThat(SignedIn.as(this.rest, "coordinator").getForEntity("/requests.csv", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void backfillRebuildsRowsOfRequestsThatPredateTheReadModel() throws Exception {
		Map<String, Object> before = this.jdbc.sql("select * from dashboard_request where business_key = ?")
			.param(late)
			.query()
			.singleRow();
		this.jdbc.sql("delete from dashboard_request where business_key = ?").param(late).update();
		assertThat(keys(api("/api/extension-requests?size=500"))).doesNotContain(late);

		this.backfill.run();

		assertThat(
				this.jdbc.sql("select * from dashboard_request where business_key = ?").param(late).query().singleRow())
			.isEqualTo(before);
	}

	private String instance(String businessKey) {
		return this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
	}

	private JsonNode api(String path) throws Exception {
		ResponseEntity<String> response = SignedIn.as(this.rest, "coordinator").getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return this.json.readTree(response.getBody());
	}

	private static JsonNode item(JsonNode page, String businessKey) {
		for (JsonNode item : page.get("items")) {
			if (businessKey.equals(item.get("businessKey").asText())) {
				return item;
			}
		}
		throw new AssertionError(businessKey + " not in the page");
	}

	private static List<String> keys(JsonNode page) {
		return page.get("items").findValuesAsText("businessKey");
	}

}
