package org.isu.clearance.request;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ProcessTest;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.document.DocumentFixtures;
import org.isu.clearance.document.Documents;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.shared.ConflictException;
import org.isu.clearance.shared.FieldValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.isu.clearance.request.ExtensionRequestProcess.*;
import static org.isu.clearance.request.RequestFixtures.*;

/**
 * Every path of {@code extension-request}, on the real model, forms and beans.
 */
@ProcessTest(PROCESS_KEY)
class ExtensionRequestProcessTests {

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Documents documents;

	@Autowired
	private RequestVersions versions;

	@Autowired
	private RunningRequestRecords records;

	@Autowired
	private LanguagesVariableUpgrade languagesUpgrade;

	@Autowired
	private EngineTables engineTables;

	@BeforeEach
	void setUp() {
		// a State whose deadline, 1 November 2028, makes the projected 15MSP (15
		// September 2028) its meeting
		clock("2027-11-01T09:00:00");
	}

	@AfterEach
	void tearDown() {
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "test over"));
	}

	@Test
	void grantedWithoutQuestions() {
		ProcessInstance request = startFor("AUT");
		assertThat(request).hasBusinessKey("CCM-AUT-15MSP").isWaitingAt(TASK_CHECK_COMPLETENESS);

		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		assertThat(request).isWaitingAt(TASK_PRELIMINARY_REVIEW);
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(false));
		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		assertThat(request).isWaitingAt(TASK_ENDORSE_ANALYSIS);
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));

		translateAll(request);
		presentAndOpenMeeting(request);
		complete(task(TASK_RECORD_DECISION, request), decision("granted", "2031-11-01"));
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded()
			.hasPassedInOrder(TASK_CHECK_COMPLETENESS, TASK_PRELIMINARY_REVIEW, TASK_FINAL_REVIEW,
					TASK_ENDORSE_ANALYSIS, TASK_CONFIRM_TRANSLATION, TASK_PREPARE_PRESENTATION, TIMER_MEETING_OPENS,
					TASK_RECORD_DECISION, END_GRANTED)
			.hasNotPassed(TASK_RECORD_SUPPLEMENT, TASK_RECORD_STATE_RESPONSE);
		assertThat(this.registry.state(Convention.CCM, "AUT").clearanceDeadline()).hasToString("2031-11-01");
		assertThat(this.registry.state(Convention.CCM, "AUT").extensions()).singleElement().satisfies((extension) -> {
			assertThat(extension.decision()).isEqualTo("granted");
			assertThat(extension.reference()).isEqualTo("CCM/MSP/2027/9");
		});
		assertThat(lettersTo("focal.aut@example.org")).contains("state-acknowledgement", "state-decision");
	}

	@Test
	void remindersFireOnEveryWaitingTaskAtTheirOffsetAndNotAMinuteBefore() {
		ProcessInstance request = startFor("SVK");
		remind(request, TASK_CHECK_COMPLETENESS);
		complete(task(TASK_CHECK_COMPLETENESS, request),
				withVariables(REQUEST_COMPLETE, false, COMPLETENESS_NOTES, "Item (e) is missing."));
		runAsyncSteps(this.management, request);
		remind(request, TASK_RECORD_SUPPLEMENT);
		complete(task(TASK_RECORD_SUPPLEMENT, request), withVariables(SUPPLEMENT_SUMMARY, "Item (e) received."));
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		remind(request, TASK_PRELIMINARY_REVIEW);
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(true));
		runAsyncSteps(this.management, request);
		remind(request, TASK_RECORD_STATE_RESPONSE);
		remindStateOfAnswers(request);
		complete(task(TASK_RECORD_STATE_RESPONSE, request), withVariables(RESPONSE_SUMMARY, "Answers received."));
		remind(request, TASK_REVIEW_STATE_ANSWERS);
		complete(task(TASK_REVIEW_STATE_ANSWERS, request), answersReview(false));
		remind(request, TASK_FINAL_REVIEW);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		remind(request, TASK_ENDORSE_ANALYSIS);
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		remind(request, TASK_CONFIRM_TRANSLATION);
		translateAll(request);
		remind(request, TASK_PREPARE_PRESENTATION);
		presentAndOpenMeeting(request);
		remind(request, TASK_RECORD_DECISION);
		complete(task(TASK_RECORD_DECISION, request), decision("granted", "2031-11-01"));
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_GRANTED);
		List<String> kinds = this.jdbc.sql(
				"select kind from outbox_mail where business_key = 'CCM-SVK-15MSP' and kind in ('due-soon', 'overdue')")
			.query(String.class)
			.list();
		assertThat(kinds).filteredOn("due-soon"::equals).hasSizeGreaterThanOrEqualTo(10);
		assertThat(kinds).filteredOn("overdue"::equals).hasSizeGreaterThanOrEqualTo(10);
	}

	@Test
	void incompleteRequestGoesBackToTheStateUntilComplete() {
		ProcessInstance request = startFor("BEL");

		complete(task(TASK_CHECK_COMPLETENESS, request),
				withVariables(REQUEST_COMPLETE, false, COMPLETENESS_NOTES, "Item (f): the remaining area is missing."));
		runAsyncSteps(this.management, request);
		assertThat(request).isWaitingAt(TASK_RECORD_SUPPLEMENT);
		assertThat(task(TASK_RECORD_SUPPLEMENT, request)).hasCandidateGroup("isu");
		assertThat(lettersTo("focal.bel@example.org")).contains("state-supplement-request");

		complete(task(TASK_RECORD_SUPPLEMENT, request),
				withVariables(SUPPLEMENT_SUMMARY, "Annex with the remaining area received."));
		assertThat(request).isWaitingAt(TASK_CHECK_COMPLETENESS);
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		assertThat(request).isWaitingAt(TASK_PRELIMINARY_REVIEW)
			.hasPassedInOrder(TASK_CHECK_COMPLETENESS, TASK_RECORD_SUPPLEMENT, TASK_CHECK_COMPLETENESS);
	}

	@Test
	void questionsToTheStateAndARevisedRequest() {
		ProcessInstance request = startFor("BGR");
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));

		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(true));
		runAsyncSteps(this.management, request);
		assertThat(request).isWaitingAt(TASK_RECORD_STATE_RESPONSE);
		assertThat(lettersTo("focal.bgr@example.org")).contains("state-questions");

		complete(task(TASK_RECORD_STATE_RESPONSE, request),
				withVariables(RESPONSE_SUMMARY, "Funding detailed; two years less requested.", REVISED_REQUEST_RECEIVED,
						true, REVISED_RECEIVED_ON, "2027-11-01", REVISED_REQUESTED_DEADLINE, "2030-11-01"));
		assertThat(request).isWaitingAt(TASK_REVIEW_STATE_ANSWERS)
			.variables()
			.containsEntry(REQUESTED_DEADLINE, "2030-11-01");
		complete(task(TASK_REVIEW_STATE_ANSWERS, request), answersReview(false));
		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW);
		assertThat(this.versions.list(request.getBusinessKey()))
			.extracting(RequestVersions.RequestVersion::version, (v) -> v.requestedDeadline().toString(),
					(v) -> v.receivedOn().toString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "2031-11-01", "2027-11-01"),
					org.assertj.core.groups.Tuple.tuple(2, "2030-11-01", "2027-11-01"));
	}

	/**
	 * Somalia's 13MSP cycle had updates in April and June 2025: the reviewing body may
	 * send further questions after the State's answers, each round with its own letter,
	 * its own recorded answers and, where the State revised its request, a new version.
	 */
	@Test
	void severalRoundsOfQuestionsEachRevisionANewVersion() {
		ProcessInstance request = startFor("BIH");
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(true));
		runAsyncSteps(this.management, request);

		// round 1: answers with a revised request, then further questions
		clock("2028-01-10T10:00:00");
		complete(task(TASK_RECORD_STATE_RESPONSE, request),
				withVariables(RESPONSE_SUMMARY, "Round 1 answers.", REVISED_REQUEST_RECEIVED, true, REVISED_RECEIVED_ON,
						"2028-01-08", REVISED_REQUESTED_DEADLINE, "2031-05-01", REVISED_SUMMARY, "First revision."));
		Task review = task(TASK_REVIEW_STATE_ANSWERS, request);
		assertThat(review).hasCandidateGroupAssociated("analysis-group");
		assertThat(review.getDueDate()).isEqualTo(at("2028-01-24", "17:00"));
		complete(review, answersReview(true));
		runAsyncSteps(this.management, request);
		assertThat(request).isWaitingAt(TASK_RECORD_STATE_RESPONSE)
			.variables()
			.containsEntry(QUESTIONS, "Please send the updated survey map of the northern provinces.");
		assertThat(lettersTo("focal.bih@example.org")).filteredOn("state-questions"::equals).hasSize(2);

		// round 2 starts with an empty outcome: last round's answers do not count
		clock("2028-02-21T10:00:00");
		assertField(() -> complete(task(TASK_RECORD_STATE_RESPONSE, request), java.util.Map.of()), RESPONSE_SUMMARY);
		assertField(
				() -> complete(task(TASK_RECORD_STATE_RESPONSE, request),
						withVariables(RESPONSE_SUMMARY, "Round 2.", REVISED_REQUEST_RECEIVED, true)),
				REVISED_RECEIVED_ON);
		complete(task(TASK_RECORD_STATE_RESPONSE, request),
				withVariables(RESPONSE_SUMMARY, "Round 2 answers: map sent.", REVISED_REQUEST_RECEIVED, true,
						REVISED_RECEIVED_ON, "2028-02-20", REVISED_REQUESTED_DEADLINE, "2031-03-01"));
		assertField(() -> complete(task(TASK_REVIEW_STATE_ANSWERS, request), java.util.Map.of()), ANSWERS_ASSESSMENT);
		assertField(() -> complete(task(TASK_REVIEW_STATE_ANSWERS, request),
				withVariables(ANSWERS_ASSESSMENT, "Fine.", FURTHER_QUESTIONS, true)), NEXT_QUESTIONS);
		complete(task(TASK_REVIEW_STATE_ANSWERS, request), answersReview(false));

		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW)
			.hasPassedInOrder(TASK_PRELIMINARY_REVIEW, TASK_RECORD_STATE_RESPONSE, TASK_REVIEW_STATE_ANSWERS,
					TASK_RECORD_STATE_RESPONSE, TASK_REVIEW_STATE_ANSWERS)
			.variables()
			.containsEntry(REQUESTED_DEADLINE, "2031-03-01");
		assertThat(this.versions.list(request.getBusinessKey()))
			.extracting(RequestVersions.RequestVersion::version, (v) -> v.requestedDeadline().toString(),
					(v) -> v.receivedOn().toString(), RequestVersions.RequestVersion::summary)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(1, "2031-11-01", "2027-11-01",
							"Clearance of the remaining contaminated area needs more time."),
					org.assertj.core.groups.Tuple.tuple(2, "2031-05-01", "2028-01-08", "First revision."),
					org.assertj.core.groups.Tuple.tuple(3, "2031-03-01", "2028-02-20", "First revision."));
	}

	/**
	 * The APMBC's Article 5 process on the same model: the Committee on Article 5
	 * Implementation reviews, the State presents at the June intersessional meetings, and
	 * the final analysis goes to the meeting without the coordinators' endorsement.
	 */
	@Test
	void anApmbcRequestGoesThroughTheCommitteeAndTheIntersessionalMeetings() {
		state(this.registry, Convention.APMBC, "PLW", "2028-12-31");
		ProcessInstance request = instance(this.requests.start(apmbc("PLW")).processInstanceId());
		runAsyncSteps(this.management, request);
		attach(request, "request", "en");
		assertThat(request.getBusinessKey()).startsWith("APMBC-PLW-");
		assertThat(this.runtime.getVariable(request.getId(), RAPPORTEUR)).isEqualTo("committee-member");
		assertThat((String) this.runtime.getVariable(request.getId(), COMPLETENESS_CHECKLIST))
			.contains("**(d)** any other relevant information")
			.doesNotContain("(i)** any other");
		assertThat(this.runtime.getVariable(request.getId(), REVIEW_BODY))
			.isEqualTo("Committee on Article 5 Implementation");

		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		assertThat(task(TASK_PRELIMINARY_REVIEW, request)).isAssignedTo("committee-member")
			.hasCandidateGroupAssociated("article5-committee");
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(false));

		Task presentation = task(TASK_INTERSESSIONAL_PRESENTATION, request);
		assertThat(presentation).isAssignedTo("committee-member").hasCandidateGroupAssociated("article5-committee");
		// no intersessional meeting is registered for 2028: the configured 20 June
		assertThat(presentation.getDueDate()).isEqualTo(at("2028-06-20", "17:00"));
		assertField(
				() -> complete(presentation,
						withVariables(INTERSESSIONAL_PRESENTATION, "Presented.", COMMITTEE_OBSERVATIONS, "Fine.")),
				INTERSESSIONAL_PRESENTED_ON);
		clock("2028-06-21T10:00:00");
		complete(presentation,
				withVariables(INTERSESSIONAL_PRESENTED_ON, "2028-06-20", INTERSESSIONAL_PRESENTATION,
						"Cambodia presented its survey results and the costed plan.", COMMITTEE_OBSERVATIONS,
						"The Committee asked for the annual milestones in the final request."));
		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2033-12-31"));

		assertThat(request)
			.hasPassedInOrder(TASK_PRELIMINARY_REVIEW, TASK_INTERSESSIONAL_PRESENTATION, TASK_FINAL_REVIEW)
			.hasNotPassed(TASK_ENDORSE_ANALYSIS)
			.isWaitingAt(TASK_CONFIRM_TRANSLATION);
	}

	/**
	 * A request started before this version gets, once, at start-up, its version 1 and
	 * the variables the forms show; requests started by this version are left alone.
	 */
	@Test
	void runningRequestsOfAnEarlierVersionGetTheirRecordsAtStartup() {
		ProcessInstance older = startFor("MNE");
		ProcessInstance current = startFor("MKD");
		this.runtime.removeVariables(older.getId(), List.of(REVIEW_BODY, COMPLETENESS_CHECKLIST));
		this.jdbc.sql("delete from request_version where process_instance_id = ?").param(older.getId()).update();

		this.records.run();
		this.records.run();

		assertThat(this.runtime.getVariable(older.getId(), REVIEW_BODY)).isEqualTo("Analysis Group");
		assertThat((String) this.runtime.getVariable(older.getId(), COMPLETENESS_CHECKLIST)).contains("(a)");
		assertThat(this.versions.list(older.getBusinessKey())).singleElement()
			.satisfies((version) -> assertThat(version.requestedDeadline()).hasToString("2031-11-01"));
		assertThat(this.versions.list(current.getBusinessKey())).hasSize(1);
	}

	/**
	 * A start through the application passes the prepared variables and its first step
	 * prepares them again from the registry and the calendar: each is recorded once (the
	 * list of languages, an object, twice).
	 */
	@Test
	void aStartRecordsEachPreparedVariableOnce() {
		ProcessInstance request = startFor("SWE");
		Map<String, Long> updates = this.engineTables.variableUpdates(request.getId())
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(EngineTables.VariableUpdate::name,
					java.util.stream.Collectors.counting()));
		assertThat(updates).containsEntry(CONVENTION, 1L)
			.containsEntry(STATE_NAME, 1L)
			.containsEntry(MEETING_CODE, 1L)
			.containsEntry(SUBMISSION_DUE, 1L)
			.containsEntry(REVIEW_BODY, 1L)
			.containsEntry(LANGUAGES, 2L);
	}

	/**
	 * A start that bypasses the application (Tasklist's start form, the REST API) gets
	 * the prepared values written over whatever it passed: another type, a value the
	 * registry contradicts.
	 */
	@Test
	void aRawStartGetsThePreparedValuesWrittenOverWhatItPassed() {
		state(this.registry, "SWE", "2028-11-01");
		Map<String, Object> input = start("SWE", "2031-11-01", "2027-11-01");
		input.put(STATE_NAME, "Not the registry's name");
		input.put(LATE_SUBMISSION, "false");
		input.put(MEETING_FIRST_DAY, "2020-01-01");
		ProcessInstance request = this.runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(input).execute();
		runAsyncSteps(this.management, request);

		assertThat(this.runtime.getVariable(request.getId(), STATE_NAME))
			.isEqualTo(this.registry.state(Convention.CCM, "SWE").name());
		assertThat(this.runtime.getVariable(request.getId(), LATE_SUBMISSION)).isEqualTo(false);
		assertThat(this.runtime.getVariable(request.getId(), MEETING_FIRST_DAY)).isEqualTo("2028-09-15");
	}

	/**
	 * A request started before deserialization was restricted holds its languages as the
	 * JDK's immutable list: the start-up step rewrites that one, once, as a plain list
	 * with the same codes, and leaves the others alone.
	 */
	@Test
	void languagesOfAnEarlierVersionAreRewrittenOnceAtStartup() {
		ProcessInstance older = startFor("MNE");
		ProcessInstance current = startFor("MKD");
		this.runtime.setVariable(older.getId(), LANGUAGES,
				org.camunda.bpm.engine.variable.Variables.serializedObjectValue("[\"en\",\"fr\"]")
					.serializationDataFormat("application/json")
					.objectTypeName("java.util.ImmutableCollections$List12<java.lang.String>")
					.create());
		Object currentBefore = this.runtime.getVariable(current.getId(), LANGUAGES);
		long updatesBefore = languagesUpdates(older.getId());

		this.languagesUpgrade.run();
		this.languagesUpgrade.run();

		assertThat(this.runtime.getVariable(older.getId(), LANGUAGES)).isInstanceOf(java.util.ArrayList.class)
			.isEqualTo(List.of("en", "fr"));
		assertThat(typeName(older.getId())).startsWith("java.util.ArrayList");
		assertThat(this.runtime.getVariable(current.getId(), LANGUAGES)).isEqualTo(currentBefore);
		assertThat(languagesUpdates(older.getId())).as("one rewrite").isEqualTo(updatesBefore + 1);
	}

	private long languagesUpdates(String processInstanceId) {
		return this.engineTables.variableUpdates(processInstanceId)
			.stream()
			.filter((update) -> LANGUAGES.equals(update.name()))
			.count();
	}

	private String typeName(String processInstanceId) {
		return ((org.camunda.bpm.engine.variable.value.ObjectValue) this.runtime.getVariableTyped(processInstanceId,
				LANGUAGES, false))
			.getObjectTypeName();
	}

	/**
	 * A CCM request skips the intersessional step and keeps the coordinators'
	 * endorsement.
	 */
	@Test
	void aCcmRequestHasNoIntersessionalStepButAnEndorsement() {
		ProcessInstance request = startFor("SWE");
		assertThat(this.runtime.getVariable(request.getId(), REVIEW_BODY)).isEqualTo("Analysis Group");
		assertThat((String) this.runtime.getVariable(request.getId(), COMPLETENESS_CHECKLIST))
			.contains("**(i)** any other relevant information", "costed multi-year work plan");
		toFinalReview(request);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		assertThat(request).isWaitingAt(TASK_ENDORSE_ANALYSIS).hasNotPassed(TASK_INTERSESSIONAL_PRESENTATION);
	}

	@Test
	void endorsementRefusedThenGiven() {
		ProcessInstance request = startFor("HRV");
		toFinalReview(request);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));

		complete(task(TASK_ENDORSE_ANALYSIS, request),
				endorsement(false, "Explain the funding gap in the draft decision."));
		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW)
			.variables()
			.containsEntry(ENDORSEMENT_COMMENTS, "Explain the funding gap in the draft decision.");
		assertThat(task(TASK_FINAL_REVIEW, request)).hasCandidateGroupAssociated("analysis-group");

		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, ""));
		assertThat(request).isWaitingAt(TASK_CONFIRM_TRANSLATION);
		assertThat(this.tasks.createTaskQuery().processInstanceId(request.getId()).list()).hasSize(6);
	}

	@Test
	void grantedShorterMovesTheDeadlineLessFar() {
		ProcessInstance request = startFor("CYP");
		toDecision(request, "grant-shorter", "2030-11-01");

		java.util.Map<String, Object> decision = decision("granted-shorter", "2030-11-01");
		decision.put(DECISION_NOTES, "Two years instead of three.");
		complete(task(TASK_RECORD_DECISION, request), decision);
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_GRANTED);
		assertThat(this.registry.state(Convention.CCM, "CYP").clearanceDeadline()).hasToString("2030-11-01");
		assertThat(this.registry.state(Convention.CCM, "CYP").extensions()).singleElement().satisfies((extension) -> {
			assertThat(extension.decision()).isEqualTo("granted-shorter");
			// the decision's notes join the extension's
			assertThat(extension.notes()).isEqualTo("Recorded by request CCM-CYP-15MSP. Two years instead of three.");
		});
	}

	@Test
	void refusedLeavesTheDeadlineAlone() {
		ProcessInstance request = startFor("CZE");
		toDecision(request, "refuse", null);

		complete(task(TASK_RECORD_DECISION, request), decision("refused", null));
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_REFUSED).hasNotPassed(END_GRANTED);
		assertThat(this.registry.state(Convention.CCM, "CZE").clearanceDeadline()).hasToString("2028-11-01");
		assertThat(this.registry.state(Convention.CCM, "CZE").extensions()).singleElement().satisfies((extension) -> {
			assertThat(extension.decision()).isEqualTo("refused");
			assertThat(extension.newDeadline()).hasToString("2028-11-01");
		});
		assertThat(lettersTo("focal.cze@example.org")).contains("state-decision");
	}

	@Test
	void notConsideredLateKeepsTheDeadlineAndSaysSo() {
		ProcessInstance request = startFor("DNK");
		toDecision(request, "refuse", null);

		complete(task(TASK_RECORD_DECISION, request), decision("not-considered-late", null));
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_REFUSED).hasNotPassed(END_GRANTED);
		assertThat(this.registry.state(Convention.CCM, "DNK").clearanceDeadline()).hasToString("2028-11-01");
		assertThat(this.registry.state(Convention.CCM, "DNK").extensions()).singleElement().satisfies((extension) -> {
			assertThat(extension.decision()).isEqualTo("not-considered-late");
			assertThat(extension.newDeadline()).hasToString("2028-11-01");
		});
		String letter = this.jdbc
			.sql("select body_text from outbox_mail where recipient = ? and kind = 'state-decision'")
			.param("focal.dnk@example.org")
			.query(String.class)
			.single();
		// the State's language is French
		assertThat(letter).contains("n'a pas examiné la demande, soumise tardivement", "reste fixé au 2028-11-01")
			.doesNotContain("pas été approuvée", "a accordé");
	}

	@Test
	void withdrawnDuringTheCompletenessCheck() {
		ProcessInstance request = startFor("DNK");

		this.requests.withdraw("CCM-DNK-15MSP", "The State will finish clearance in time.");
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(TASK_PRELIMINARY_REVIEW);
		assertThat(lettersTo("focal.dnk@example.org")).contains("state-withdrawal");
	}

	@Test
	void withdrawnDuringTheFinalReview() {
		ProcessInstance request = startFor("EST");
		toFinalReview(request);

		this.requests.withdraw("CCM-EST-15MSP", "A new request will follow for the next meeting.");
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(TASK_PRELIMINARY_REVIEW, END_WITHDRAWN).hasNotPassed(END_GRANTED);
		assertThat(this.tasks.createTaskQuery().processInstanceId(request.getId()).count()).isZero();
	}

	@Test
	void withdrawnDuringTranslation() {
		ProcessInstance request = startFor("FIN");
		toFinalReview(request);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		assertThat(this.tasks.createTaskQuery().processInstanceId(request.getId()).count()).isEqualTo(6);

		this.requests.withdraw("CCM-FIN-15MSP", "Withdrawn by note verbale.");
		runAsyncSteps(this.management, request);

		assertThat(request).isEnded().hasPassed(END_WITHDRAWN);
		assertThat(this.registry.state(Convention.CCM, "FIN").clearanceDeadline()).hasToString("2028-11-01");
	}

	@Test
	void aLateSubmissionIsFlaggedNotRefused() {
		clock("2028-01-10T10:00:00");
		state(this.registry, "GRC", "2028-11-01");

		ExtensionRequests.StartedRequest started = this.requests.start(start("GRC", "2031-11-01", "2028-01-10"));

		assertThat(started.late()).isTrue();
		assertThat(started.submissionDue()).isEqualTo("2027-12-15");
		ProcessInstance request = instance(started.processInstanceId());
		runAsyncSteps(this.management, request);
		assertThat(request).isWaitingAt(TASK_CHECK_COMPLETENESS).variables().containsEntry(LATE_SUBMISSION, true);
	}

	@Test
	void aTimelyRequestIsNotLate() {
		ProcessInstance request = startFor("HUN");

		assertThat(request).variables()
			.containsEntry(LATE_SUBMISSION, false)
			.containsEntry(SUBMISSION_DUE, "2027-12-15");
	}

	@Test
	void dueDatesFollowTheCalendar() {
		// Somalia's numbers: D = 1 March 2026, 13MSP opens 16 September 2025, received 10
		// December 2024
		clock("2024-12-10T09:00:00");
		state(this.registry, "ERI", "2026-03-01");
		ProcessInstance request = instance(
				this.requests.start(start("ERI", "2030-03-01", "2024-12-10")).processInstanceId());
		runAsyncSteps(this.management, request);
		attach(request, "request", "en");

		assertThat(request).hasBusinessKey("CCM-ERI-13MSP").variables().containsEntry(SUBMISSION_DUE, "2024-12-16");
		assertThat(task(TASK_CHECK_COMPLETENESS, request)).hasCandidateGroup("isu")
			.hasDueDate(at("2024-12-17", "17:00"));
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		assertThat(task(TASK_PRELIMINARY_REVIEW, request)).hasDueDate(at("2025-02-16", "17:00"));
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(true));
		runAsyncSteps(this.management, request);
		assertThat(task(TASK_RECORD_STATE_RESPONSE, request)).hasDueDate(at("2025-05-16", "17:00"));
		complete(task(TASK_RECORD_STATE_RESPONSE, request), withVariables(RESPONSE_SUMMARY, "Answers received."));
		// the answers are reviewed within two weeks of their record
		assertThat(task(TASK_REVIEW_STATE_ANSWERS, request)).hasDueDate(at("2024-12-24", "17:00"));
		complete(task(TASK_REVIEW_STATE_ANSWERS, request), answersReview(false));
		assertThat(task(TASK_FINAL_REVIEW, request)).hasDueDate(at("2025-06-16", "17:00"));
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2030-03-01"));
		assertThat(task(TASK_ENDORSE_ANALYSIS, request)).hasCandidateGroup("coordinators")
			.hasDueDate(at("2025-07-08", "17:00"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		assertThat(this.tasks.createTaskQuery().processInstanceId(request.getId()).list())
			.allSatisfy((translation) -> assertThat(translation.getDueDate()).isEqualTo(at("2025-08-19", "17:00")));
		translateAll(request);
		assertThat(task(TASK_PREPARE_PRESENTATION, request)).hasDueDate(at("2025-09-09", "17:00"));
		complete(task(TASK_PREPARE_PRESENTATION, request), withVariables(PRESENTATION_NOTES, "Slides ready."));

		// the meeting timer waits for the first day, 16 September 2025, and not a minute
		// less
		Job timer = meetingTimer(request);
		assertThat(timer.getDuedate()).isEqualTo(at("2025-09-16", "00:00"));
		clock("2025-09-16T00:00:00");
		this.management.executeJob(timer.getId());
		assertThat(task(TASK_RECORD_DECISION, request)).hasDueDate(at("2025-09-22", "17:00"));
	}

	@Test
	void theMeetingTimerPassesAtOnceWhenTheMeetingHasBegun() {
		ProcessInstance request = startFor("IRL");
		toFinalReview(request);
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		translateAll(request);
		clock("2028-09-16T10:00:00");

		complete(task(TASK_PREPARE_PRESENTATION, request), withVariables(PRESENTATION_NOTES, "Late, but ready."));

		Job timer = meetingTimer(request);
		assertThat(timer.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
		assertThat(this.management.createJobQuery().processInstanceId(request.getId()).executable().timers().list())
			.extracting(Job::getId)
			.contains(timer.getId());
		this.management.executeJob(timer.getId());
		assertThat(request).hasPassed(TIMER_MEETING_OPENS).isWaitingAt(TASK_RECORD_DECISION);
	}

	@Test
	void analysisGroupTasksGoToTheRapporteurAndStayOpenToTheGroup() {
		ProcessInstance request = startFor("ITA");
		String rapporteur = (String) this.runtime.getVariable(request.getId(), RAPPORTEUR);
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));

		assertThat(rapporteur).isIn("ag-member", "ag-member2");
		assertThat(task(TASK_PRELIMINARY_REVIEW, request)).isAssignedTo(rapporteur)
			.hasCandidateGroupAssociated("analysis-group");
	}

	@Test
	void rapporteursShareTheLoad() {
		long before1 = openRequestsOf("ag-member");
		long before2 = openRequestsOf("ag-member2");
		for (String code : List.of("LVA", "LTU", "LUX", "MLT")) {
			startFor(code);
		}

		long after1 = openRequestsOf("ag-member");
		long after2 = openRequestsOf("ag-member2");
		assertThat(after1 + after2).isEqualTo(before1 + before2 + 4);
		assertThat(Math.abs(after1 - after2)).isLessThanOrEqualTo(Math.max(1, Math.abs(before1 - before2)));
	}

	@Test
	void aSecondOpenRequestForTheSameStateAndMeetingIsAConflict() {
		startFor("NLD");

		assertThatThrownBy(() -> this.requests.start(start("NLD", "2030-11-01", "2027-11-01")))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void requestsBeyondTheCapOrForUnknownStatesAreRefused() {
		state(this.registry, "POL", "2028-11-01");

		assertField(() -> this.requests.start(start("POL", "2033-11-02", "2027-11-01")), REQUESTED_DEADLINE);
		assertField(() -> this.requests.start(start("XXX", "2030-11-01", "2027-11-01")), STATE_CODE);
		assertField(() -> this.requests.start(start("POL", "2030-31-01", "2027-11-01")), REQUESTED_DEADLINE);
		var unknownMeeting = start("POL", "2030-11-01", "2027-11-01");
		unknownMeeting.put(MEETING_CODE, "99MSP");
		assertField(() -> this.requests.start(unknownMeeting), MEETING_CODE);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("CCM-POL-%").count())
			.isZero();
	}

	@Test
	void theStepsNeedTheirDocuments() {
		ProcessInstance request = startWithoutDocuments("VAT");
		Task check = task(TASK_CHECK_COMPLETENESS, request);
		assertField(() -> this.tasks.complete(check.getId(), withVariables(REQUEST_COMPLETE, true)), "documents");
		assertThat(request).isWaitingAt(TASK_CHECK_COMPLETENESS);
		// an annex is not the request
		attach(request, "annex", "en");
		assertField(() -> this.tasks.complete(check.getId(), withVariables(REQUEST_COMPLETE, true)), "documents");
		attach(request, "request", "fr");
		complete(check, withVariables(REQUEST_COMPLETE, true));

		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(false));
		complete(task(TASK_FINAL_REVIEW, request), finalReview("grant", "2031-11-01"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		Task arabic = this.tasks.createTaskQuery()
			.processInstanceId(request.getId())
			.taskDefinitionKey(TASK_CONFIRM_TRANSLATION)
			.list()
			.stream()
			.filter((task) -> "ar".equals(this.tasks.getVariable(task.getId(), LANGUAGE)))
			.findFirst()
			.orElseThrow();
		assertField(() -> this.tasks.complete(arabic.getId(), translation("CCM/MSP/2028/3/ar")), "documents");
		// another language's official version, or the draft, is not the Arabic one
		attach(request, "analysis-official", "fr");
		attach(request, "analysis-draft", "ar");
		assertField(() -> this.tasks.complete(arabic.getId(), translation("CCM/MSP/2028/3/ar")), "documents");
		assertThat(request).variables().doesNotContainKey(DOCUMENT_SYMBOL + "_ar");
		attach(request, "analysis-official", "ar");
		complete(arabic, translation("CCM/MSP/2028/3/ar"));
		assertThat(request).variables().containsEntry(DOCUMENT_SYMBOL + "_ar", "CCM/MSP/2028/3/ar");
	}

	@Test
	void anInvalidOutcomeIsRefusedAndTheTaskStaysOpen() {
		ProcessInstance request = startFor("PRT");
		toFinalReview(request);
		Task finalReview = task(TASK_FINAL_REVIEW, request);

		assertField(() -> this.tasks.complete(finalReview.getId(), finalReview(null, "2031-11-01")), RECOMMENDATION);
		assertField(() -> this.tasks.complete(finalReview.getId(), finalReview("grant", null)), RECOMMENDED_DEADLINE);
		assertField(() -> this.tasks.complete(finalReview.getId(), finalReview("grant", "2040-01-01")),
				RECOMMENDED_DEADLINE);
		assertThat(request).isWaitingAt(TASK_FINAL_REVIEW);

		complete(finalReview, finalReview("grant", "2031-11-01"));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		Task translation = this.tasks.createTaskQuery().processInstanceId(request.getId()).list().get(0);
		assertField(() -> this.tasks.complete(translation.getId(), vars(DOCUMENT_SYMBOL, "CCM/MSP/2028/3")),
				TRANSLATION_CONFIRMED);
		assertField(
				() -> this.tasks.complete(translation.getId(),
						vars(DOCUMENT_SYMBOL, "CCM/MSP/2028/3", TRANSLATION_CONFIRMED, true, LANGUAGE, "de")),
				LANGUAGE);
	}

	@Test
	void aDecisionBeforeTheOldDeadlineIsRefused() {
		ProcessInstance request = startFor("ROU");
		toDecision(request, "grant", "2031-11-01");
		Task recordDecision = task(TASK_RECORD_DECISION, request);

		assertField(() -> this.tasks.complete(recordDecision.getId(), decision("granted", "2027-01-01")), NEW_DEADLINE);
		assertField(() -> this.tasks.complete(recordDecision.getId(), decision("granted", null)), NEW_DEADLINE);
		assertField(() -> this.tasks.complete(recordDecision.getId(), decision("approved", "2031-11-01")), DECISION);
		java.util.Map<String, Object> longNotes = decision("granted", "2031-11-01");
		longNotes.put(DECISION_NOTES, "x".repeat(1001));
		assertField(() -> this.tasks.complete(recordDecision.getId(), longNotes), DECISION_NOTES);
		assertThat(request).isWaitingAt(TASK_RECORD_DECISION);
		assertThat(this.registry.state(Convention.CCM, "ROU").clearanceDeadline()).hasToString("2028-11-01");
	}

	/**
	 * Fires the due-soon and then the overdue reminder of a waiting task, each exactly at
	 * its moment: a minute before, its timer is not yet due.
	 */
	private void remind(ProcessInstance request, String taskKey) {
		java.util.Date before = ClockUtil.getCurrentTime();
		String name = taskKey.substring("Task_".length());
		java.util.Date due = this.tasks.createTaskQuery()
			.processInstanceId(request.getId())
			.taskDefinitionKey(taskKey)
			.list()
			.get(0)
			.getDueDate();
		java.util.Date dueSoon = java.util.Date.from(due.toInstant().minus(java.time.Duration.ofDays(7)));
		Job dueSoonTimer = timer(request, "Timer_" + name + "DueSoon");
		assertThat(dueSoonTimer.getDuedate()).isEqualTo(dueSoon);
		Job overdueTimer = timer(request, "Timer_" + name + "Overdue");
		assertThat(overdueTimer.getDuedate()).isEqualTo(due);

		ClockUtil.setCurrentTime(java.util.Date.from(dueSoon.toInstant().minusSeconds(60)));
		assertThat(executableTimers(request)).doesNotContain(dueSoonTimer.getId(), overdueTimer.getId());
		ClockUtil.setCurrentTime(dueSoon);
		assertThat(executableTimers(request)).contains(dueSoonTimer.getId()).doesNotContain(overdueTimer.getId());
		this.management.executeJob(dueSoonTimer.getId());
		runAsyncSteps(this.management, request);

		ClockUtil.setCurrentTime(java.util.Date.from(due.toInstant().minusSeconds(60)));
		assertThat(executableTimers(request)).doesNotContain(overdueTimer.getId());
		ClockUtil.setCurrentTime(due);
		this.management.executeJob(overdueTimer.getId());
		runAsyncSteps(this.management, request);
		// the overdue reminder comes back a week later while the task waits
		assertThat(timer(request, "Timer_" + name + "Overdue").getDuedate())
			.isEqualTo(java.util.Date.from(due.toInstant().plus(java.time.Duration.ofDays(7))));
		ClockUtil.setCurrentTime(before);
	}

	/**
	 * The State's focal point is reminded of its answers the configured lead (14 days)
	 * before they are due, and not a minute earlier.
	 */
	private void remindStateOfAnswers(ProcessInstance request) {
		java.util.Date before = ClockUtil.getCurrentTime();
		java.util.Date due = task(TASK_RECORD_STATE_RESPONSE, request).getDueDate();
		java.util.Date reminderAt = java.util.Date.from(due.toInstant().minus(java.time.Duration.ofDays(14)));
		Job reminder = timer(request, "Timer_StateAnswersDueSoon");
		assertThat(reminder.getDuedate()).isEqualTo(reminderAt);
		ClockUtil.setCurrentTime(java.util.Date.from(reminderAt.toInstant().minusSeconds(60)));
		assertThat(executableTimers(request)).doesNotContain(reminder.getId());
		ClockUtil.setCurrentTime(reminderAt);
		assertThat(executableTimers(request)).contains(reminder.getId());
		this.management.executeJob(reminder.getId());
		runAsyncSteps(this.management, request);
		assertThat(lettersTo("focal.svk@example.org")).contains("state-answers-reminder");
		ClockUtil.setCurrentTime(before);
	}

	private Job timer(ProcessInstance request, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(request.getId())
			.activityId(activityId)
			.singleResult();
	}

	private List<String> executableTimers(ProcessInstance request) {
		return this.management.createJobQuery()
			.processInstanceId(request.getId())
			.timers()
			.executable()
			.list()
			.stream()
			.map(Job::getId)
			.toList();
	}

	private ProcessInstance startFor(String code) {
		ProcessInstance request = startWithoutDocuments(code);
		attach(request, "request", "en");
		return request;
	}

	private ProcessInstance startWithoutDocuments(String code) {
		state(this.registry, code, "2028-11-01");
		ProcessInstance request = instance(
				this.requests.start(start(code, "2031-11-01", "2027-11-01")).processInstanceId());
		runAsyncSteps(this.management, request);
		return request;
	}

	/**
	 * Uploads a document to the request's record, as the ISU would before completing the
	 * step that needs it.
	 */
	private void attach(ProcessInstance request, String kind, String language) {
		DocumentFixtures.attach(this.documents, request.getBusinessKey(), kind, language);
	}

	private static java.util.Map<String, Object> apmbc(String code) {
		java.util.Map<String, Object> input = start(code, "2033-12-31", "2027-11-01");
		input.put("convention", "APMBC");
		return input;
	}

	private ProcessInstance instance(String id) {
		return this.runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private void toFinalReview(ProcessInstance request) {
		complete(task(TASK_CHECK_COMPLETENESS, request), withVariables(REQUEST_COMPLETE, true));
		complete(task(TASK_PRELIMINARY_REVIEW, request), preliminaryReview(false));
	}

	private void toDecision(ProcessInstance request, String recommendation, String recommendedDeadline) {
		toFinalReview(request);
		complete(task(TASK_FINAL_REVIEW, request), finalReview(recommendation, recommendedDeadline));
		complete(task(TASK_ENDORSE_ANALYSIS, request), endorsement(true, null));
		translateAll(request);
		presentAndOpenMeeting(request);
	}

	private void translateAll(ProcessInstance request) {
		List<Task> translations = this.tasks.createTaskQuery()
			.processInstanceId(request.getId())
			.taskDefinitionKey(TASK_CONFIRM_TRANSLATION)
			.list();
		assertThat(translations).hasSize(6).allSatisfy((task) -> assertThat(task).hasCandidateGroup("isu"));
		for (Task translation : translations) {
			String language = (String) this.tasks.getVariable(translation.getId(), LANGUAGE);
			attach(request, "analysis-official", language);
			complete(translation, translation("CCM/MSP/2028/3/" + language));
		}
		assertThat(request).variables().containsEntry(DOCUMENT_SYMBOL + "_fr", "CCM/MSP/2028/3/fr");
	}

	private void presentAndOpenMeeting(ProcessInstance request) {
		complete(task(TASK_PREPARE_PRESENTATION, request), withVariables(PRESENTATION_NOTES, "Presentation ready."));
		Job timer = meetingTimer(request);
		if (timer != null) {
			clock("2028-09-15T08:00:00");
			this.management.executeJob(timer.getId());
		}
		assertThat(request).isWaitingAt(TASK_RECORD_DECISION);
	}

	private Job meetingTimer(ProcessInstance request) {
		return this.management.createJobQuery()
			.processInstanceId(request.getId())
			.activityId(TIMER_MEETING_OPENS)
			.singleResult();
	}

	private long openRequestsOf(String user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.variableValueEquals(RAPPORTEUR, user)
			.count();
	}

	private List<String> lettersTo(String recipient) {
		return this.jdbc.sql("select kind from outbox_mail where recipient = ?")
			.param(recipient)
			.query(String.class)
			.list();
	}

	private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).satisfies((error) -> {
			Throwable cause = org.isu.clearance.shared.RejectedInput.causeOf(error);
			assertThat(cause).isInstanceOf(FieldValidationException.class);
			assertThat(((FieldValidationException) cause).field()).isEqualTo(field);
		});
	}

}
