package org.isu.clearance.document;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.isu.clearance.request.RequestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * The analysis generated as a Word document from a request's record, opened again with
 * POI: the template's header carries the symbol, the sections carry what the record
 * holds, every round of questions and answers included, in English and in French.
 */
@ApplicationTest
class AnalysisDocumentTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private Documents documents;

	private String instance;

	@AfterEach
	void tearDown() {
		if (this.instance != null
				&& this.runtime.createProcessInstanceQuery().processInstanceId(this.instance).count() > 0) {
			this.runtime.deleteProcessInstance(this.instance, "test over");
		}
	}

	@Test
	void theAnalysisComesFromTheRecord() throws Exception {
		DocumentFixtures.state(this.registry, "GNB", "2028-11-01");
		Map<String, Object> started = this.rest.withBasicAuth("isu-officer", "demo")
			.postForObject(
					"/api/extension-requests", Map.of("convention", "CCM", "stateCode", "GNB", "requestedDeadline",
							"2031-11-01", "submittedOn", "2026-11-20", "summary", "Survey of the northern areas."),
					Map.class);
		String businessKey = (String) started.get("businessKey");
		this.instance = (String) started.get("processInstanceId");
		runJobs();
		DocumentFixtures.attach(this.documents, businessKey, "request", "en");
		complete(TASK_CHECK_COMPLETENESS, RequestFixtures.vars(REQUEST_COMPLETE, true, COMPLETENESS_NOTES,
				"All six items of Article 4.6 are present; the work plan is costed."));
		complete(TASK_PRELIMINARY_REVIEW,
				RequestFixtures.vars(PRELIMINARY_FINDINGS, "The survey covers 12 km² of suspected areas.",
						QUESTIONS_FOR_STATE, true, QUESTIONS, "How is the clearance of 2029 funded?"));
		runJobs();
		complete(TASK_RECORD_STATE_RESPONSE, RequestFixtures.vars(RESPONSE_SUMMARY,
				"The national budget covers 60 %; donors the rest.", REVISED_REQUEST_RECEIVED, false));
		complete(TASK_REVIEW_STATE_ANSWERS, RequestFixtures.vars(ANSWERS_ASSESSMENT, "Funding explained.",
				FURTHER_QUESTIONS, true, NEXT_QUESTIONS, "Which areas are cleared first?"));
		runJobs();
		complete(TASK_RECORD_STATE_RESPONSE,
				RequestFixtures.vars(RESPONSE_SUMMARY, "The northern districts, then the south."));
		complete(TASK_REVIEW_STATE_ANSWERS,
				RequestFixtures.vars(ANSWERS_ASSESSMENT, "Sequencing explained.", FURTHER_QUESTIONS, false));
		complete(TASK_FINAL_REVIEW,
				RequestFixtures.vars(ANALYSIS, "The plan is realistic.\nThe funding is secured for three years.",
						DRAFT_DECISION, "The Meeting grants the request until 1 November 2031.", RECOMMENDATION,
						"grant", RECOMMENDED_DEADLINE, "2031-11-01"));

		ResponseEntity<byte[]> english = this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/extension-requests/" + businessKey + "/analysis.docx", byte[].class);
		assertThat(english.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(english.getHeaders().getContentType()).hasToString(AnalysisController.DOCX.toString());
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(english.getBody()))) {
			assertThat(header(document)).contains("Document symbol to be assigned", "Original: English");
			List<XWPFParagraph> paragraphs = document.getParagraphs();
			assertThat(paragraphs.get(0).getStyle()).isEqualTo("Title");
			assertThat(paragraphs.get(0).getText()).startsWith("Analysis of the request submitted by State GNB")
				.contains("Article 4 of the Convention on Cluster Munitions");
			assertThat(headings(document, "Heading1")).containsExactly("The request", "Completeness of the request",
					"Preliminary findings", "Questions to the State Party and its answers", "Analysis",
					"Draft decision", "Recommendation");
			assertThat(headings(document, "Heading2")).containsExactly("Round 1", "Round 2");
			assertThat(text(document))
				.contains("State Party: State GNB", "Meeting that decides: 15MSP", "Current deadline: 1 November 2028",
						"Requested deadline: 1 November 2031", "Survey of the northern areas.",
						"All six items of Article 4.6 are present", "The survey covers 12 km² of suspected areas.",
						"How is the clearance of 2029 funded?", "The national budget covers 60 %; donors the rest.",
						"Which areas are cleared first?", "The northern districts, then the south.",
						"The plan is realistic.", "The funding is secured for three years.",
						"The Meeting grants the request until 1 November 2031.",
						"recommends that the request be granted, with a new deadline of 1 November 2031")
				.doesNotContain("{{");
		}

		this.runtime.setVariable(this.instance, DOCUMENT_SYMBOL + "_fr", "CCM/MSP/2027/3");
		byte[] french = this.rest.withBasicAuth("coordinator", "demo")
			.getForObject("/api/extension-requests/" + businessKey + "/analysis.docx?language=fr", byte[].class);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(french))) {
			assertThat(header(document)).contains("CCM/MSP/2027/3", "Original : anglais");
			assertThat(document.getParagraphs().get(0).getText())
				.startsWith("Analyse de la demande présentée par State GNB");
			assertThat(headings(document, "Heading1")).contains("Constatations préliminaires", "Projet de décision");
			assertThat(text(document)).contains("Délai actuel : 1 novembre 2028", "Série 1",
					"Questions à l'État partie et ses réponses");
		}

		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/extension-requests/" + businessKey + "/analysis.docx?language=de", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.rest.withBasicAuth("ag-member", "demo")
			.getForEntity("/api/extension-requests/CCM-XXX-1MSP/analysis.docx", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.getForEntity("/api/extension-requests/" + businessKey + "/analysis.docx", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private void complete(String taskKey, Map<String, Object> variables) {
		RequestFixtures.completeTask(this.tasks, this.instance, taskKey, variables);
	}

	private void runJobs() {
		RequestFixtures.runAsyncSteps(this.management, this.instance);
	}

	private static String header(XWPFDocument document) {
		return document.getHeaderList().stream().map((header) -> header.getText()).collect(Collectors.joining("\n"));
	}

	private static List<String> headings(XWPFDocument document, String style) {
		return document.getParagraphs()
			.stream()
			.filter((paragraph) -> style.equals(paragraph.getStyle()))
			.map(XWPFParagraph::getText)
			.toList();
	}

	private static String text(XWPFDocument document) {
		return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
	}

}
