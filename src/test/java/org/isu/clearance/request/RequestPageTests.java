package org.isu.clearance.request;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.SignedIn;
import org.isu.clearance.document.Documents;
import org.isu.clearance.document.Document;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's page and its JSON: history with what each task recorded, the diagram's
 * path, the timeline, the mails; 404 for an unknown request.
 */
@ApplicationTest
class RequestPageTests {

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

	private static String key;

	@BeforeEach
	void request() {
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.parse("2026-11-23T10:00").atZone(ZoneId.systemDefault()).toInstant()));
		if (key != null) {
			return;
		}
		RequestFixtures.state(this.registry, "TON", "2027-10-01");
		key = RequestFixtures.startRequest(this.requests, this.management, "TON", "2029-10-01", "2026-11-02");
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(key)
			.singleResult()
			.getId();
		DocumentFixtures.attach(this.documents, key, "request", "en");
		RequestFixtures.complete(this.tasks, this.management, instance, "Task_CheckCompleteness", "isu-officer",
				"requestComplete", true, "completenessNotes", "Items (a) to (f) present; annex 3 missing.");
		RequestFixtures.complete(this.tasks, this.management, instance, "Task_PreliminaryReview", null,
				"preliminaryFindings", "Survey incomplete in the north.", "questionsForState", true, "questions",
				"When will the survey end?");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void apiGivesStagesHistoryWithRecordedOutcomesAndMails() throws Exception {
		ResponseEntity<String> response = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/api/extension-requests/" + key, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode details = new ObjectMapper().readTree(response.getBody());

		assertThat(details.get("request").get("stages").get(0).get("activityId").asText())
			.isEqualTo("Task_RecordStateResponse");
		JsonNode history = details.get("history");
		assertThat(history).hasSize(3);
		assertThat(history.get(0).get("activityId").asText()).isEqualTo("Task_CheckCompleteness");
		assertThat(history.get(0).get("assignee").asText()).isEqualTo("isu-officer");
		assertThat(history.get(0).get("outcome").asText()).isEqualTo("completed");
		assertThat(history.get(0).get("recorded").toString()).contains("requestComplete", "true",
				"Items (a) to (f) present; annex 3 missing.");
		assertThat(history.get(1).get("recorded").toString())
			.contains("Survey incomplete in the north.", "When will the survey end?")
			.doesNotContain("annex 3");
		assertThat(history.get(2).get("outcome").asText()).isEqualTo("open");
		assertThat(details.get("completedActivities").toString()).contains("Task_CheckCompleteness",
				"Task_PreliminaryReview", "Task_SendQuestions");
		assertThat(details.get("activeActivities").toString()).contains("Task_RecordStateResponse");
		// acknowledgement and questions were written to the outbox
		assertThat(details.get("mails").size()).isGreaterThanOrEqualTo(2);
		assertThat(details.get("facts").get("summary").asText()).contains("TON");
	}

	@Test
	void pageShowsFactsDiagramTimelineHistoryAndLinks() {
		ResponseEntity<String> page = SignedIn.as(this.rest, "ag-member")
			.getForEntity("/requests/" + key, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("State TON", "Survey incomplete in the north.", "annex 3 missing",
				"id=\"diagram\"", "data-current=\"", "Task_RecordStateResponse", "/vendor/bpmn-js/", "id=\"timeline\"",
				"class=\"planned\"", "class=\"actual\"", "#/?task=",
				"/camunda/app/cockpit/default/#/process-instance/");
		ResponseEntity<String> diagram = SignedIn.as(this.rest, "ag-member")
			.getForEntity("/requests/" + key + "/diagram.bpmn", String.class);
		assertThat(diagram.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(diagram.getBody()).contains("id=\"extension-request\"", "bpmndi:BPMNDiagram");
		assertThat(this.rest.getForEntity("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void pageListsTheDocumentsAndTheirUploadsAndOffersTheUploadFormToThoseWhoMayUpload() {
		Document request = this.documents.list(key)
			.stream()
			.filter((document) -> document.kind().equals("request"))
			.findFirst()
			.orElseThrow();
		String reader = SignedIn.as(this.rest, "ag-member").getForObject("/requests/" + key, String.class);
		assertThat(reader)
			.contains("id=\"documents\"", "data-document=\"" + request.id() + "\"",
					"/api/documents/" + request.id() + "/content", request.filename(), request.sha256(),
					"data-upload=\"" + request.id() + "\"", "Document uploaded",
					"/api/extension-requests/" + key + "/analysis.docx?language=en")
			.doesNotContain("id=\"upload\"");
		String editor = SignedIn.as(this.rest, "isu-officer").getForObject("/requests/" + key, String.class);
		assertThat(editor).contains("id=\"upload\"", "data-action=\"/api/extension-requests/" + key + "/documents\"",
				"data-csrf-header=\"X-CSRF-TOKEN\"", "data-csrf-token=\"", "/js/documents.js",
				"value=\"analysis-official\"");
	}

	@Test
	void unknownRequestIsA404NotAStackTrace() {
		ResponseEntity<String> page = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/requests/CCM-XXX-99MSP", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page.getBody()).contains("CCM-XXX-99MSP", "<html").doesNotContain("Exception", "at org.");
		ResponseEntity<String> api = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/api/extension-requests/CCM-XXX-99MSP", String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(SignedIn.as(this.rest, "coordinator")
			.getForEntity("/requests/CCM-XXX-99MSP/diagram.bpmn", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
