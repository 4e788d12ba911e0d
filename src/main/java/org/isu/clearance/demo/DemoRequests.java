package org.isu.clearance.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.document.DocumentKind;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Extension requests of sample States standing at different stages, so that a newcomer
 * sees a living system: first Somalia's 13MSP cycle as a finished, historical request
 * ({@link DemoHistory}), then a request just received, one in preliminary review, one
 * waiting for the State's answers, one in translation and one about to be presented. Each
 * is driven through the real process by the demo users; a request that exists (or
 * existed) is left alone.
 */
@Component
@ConditionalOnProperty(prefix = "clearance.demo", name = { "enabled", "requests" }, havingValue = "true")
class DemoRequests implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

	private static final long WAIT_MILLIS = 30_000;

	private final ExtensionRequests requests;

	private final TaskService tasks;

	private final ManagementService management;

	private final HistoryService history;

	private final DemoDocuments documents;

	private final DemoHistory past;

	DemoRequests(ExtensionRequests requests, TaskService tasks, ManagementService management, HistoryService history,
			DemoDocuments documents, DemoHistory past) {
		this.documents = documents;
		this.past = past;
		this.requests = requests;
		this.tasks = tasks;
		this.management = management;
		this.history = history;
	}

	@Override
	public StartupStep step() {
		return StartupStep.DEMO_REQUESTS;
	}

	@Override
	public void run() {
		try {
			this.past.run();
		}
		catch (RuntimeException ex) {
			log.warn("Historical demo request {} could not be replayed: {}", DemoHistory.BUSINESS_KEY, ex.getMessage(),
					ex);
		}
		for (DemoRequest demo : demos()) {
			String key = businessKey(demo.convention(), demo.state(), demo.meeting());
			if (this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
				continue;
			}
			try {
				String instance = this.requests.start(demo.start()).processInstanceId();
				for (Step step : demo.steps()) {
					perform(instance, step);
				}
				runDueSteps(instance);
				log.info("Demo request {} stands at its stage", key);
			}
			catch (RuntimeException ex) {
				log.warn("Demo request {} could not be set up: {}", key, ex.getMessage());
			}
		}
	}

	/**
	 * The requests in progress. They are illustrative (not in ../shared/DOMAIN.md), and
	 * so are their summaries; each asks for no more than the treaty's cap from the
	 * State's deadline as the sample data records it (an unconfirmed extension moved
	 * none: Iraq's deadline is still 1 November 2023, Chile's 1 June 2026).
	 */
	static List<DemoRequest> demos() {
		return List.of(
				new DemoRequest("CCM", "TCD", "14MSP", "2028-10-01", "2026-11-16",
						"Illustrative request: Chad asks for two more years to clear its remaining contaminated areas.",
						List.of()),
				new DemoRequest("CCM", "IRQ", "14MSP", "2028-11-01", "2026-11-09",
						"Illustrative request: the outcome of Iraq's 11MSP request (to November 2028) is not"
								+ " confirmed, so its 2023 deadline stands; Iraq asks for five years from it.",
						List.of(step(TASK_CHECK_COMPLETENESS, "isu-officer", REQUEST_COMPLETE, true, COMPLETENESS_NOTES,
								"Items (a)-(f) present; costed multi-year work plan annexed."))),
				new DemoRequest("CCM", "CHL", "14MSP", "2030-06-01", "2026-10-05",
						"Illustrative request: Chile asks for four years; the survey of the remaining areas is not"
								+ " finished.",
						List.of(step(TASK_CHECK_COMPLETENESS, "isu-officer", REQUEST_COMPLETE, true, COMPLETENESS_NOTES,
								"Complete."),
								step(TASK_PRELIMINARY_REVIEW, null, PRELIMINARY_FINDINGS,
										"The baseline survey is not finished; the work plan depends on funding not yet secured.",
										QUESTIONS_FOR_STATE, true, QUESTIONS,
										"1. When will the baseline survey be completed?\n"
												+ "2. Which share of the 2027-2030 budget is secured?"))),
				new DemoRequest("APMBC", "TJK", "23MSP", "2030-12-31", "2026-06-10",
						"Illustrative request: resubmission after the 22MSP, five more years.",
						List.of(step(TASK_CHECK_COMPLETENESS, "isu-officer", REQUEST_COMPLETE, true),
								step(TASK_PRELIMINARY_REVIEW, null, PRELIMINARY_FINDINGS, "Clear and costed.",
										QUESTIONS_FOR_STATE, false),
								intersessional("Tajikistan presented the survey of the border districts.",
										"The Committee welcomed the survey and asked for yearly milestones."),
								step(TASK_FINAL_REVIEW, null, ANALYSIS,
										"The request is realistic; late submission noted.", DRAFT_DECISION,
										"The Meeting grants the request until 31 December 2030.", RECOMMENDATION,
										"grant", RECOMMENDED_DEADLINE, "2030-12-31"),
								step(TASK_CONFIRM_TRANSLATION, "isu-officer", DOCUMENT_SYMBOL,
										"APLC/MSP.23/2026/EXT/TJK", TRANSLATION_CONFIRMED, true),
								step(TASK_CONFIRM_TRANSLATION, "isu-officer", DOCUMENT_SYMBOL,
										"APLC/MSP.23/2026/EXT/TJK", TRANSLATION_CONFIRMED, true))),
				new DemoRequest("APMBC", "SEN", "23MSP", "2031-03-01", "2026-06-02",
						"Illustrative request: resubmission after the 22MSP, five more years.",
						concat(List.of(step(TASK_CHECK_COMPLETENESS, "isu-officer", REQUEST_COMPLETE, true),
								step(TASK_PRELIMINARY_REVIEW, null, PRELIMINARY_FINDINGS, "Clear.", QUESTIONS_FOR_STATE,
										false),
								intersessional("Senegal presented its plan for the remaining mined areas.",
										"The Committee noted that access to some areas remains uncertain."),
								step(TASK_FINAL_REVIEW, null, ANALYSIS, "Access to some areas remains uncertain.",
										DRAFT_DECISION, "The Meeting grants the request until 1 March 2031.",
										RECOMMENDATION, "grant", RECOMMENDED_DEADLINE, "2031-03-01")),
								translations("APLC/MSP.23/2026/EXT/SEN"))));
	}

	/**
	 * The State's informal presentation at the 2026 intersessional meetings (the date is
	 * illustrative: ../shared/DOMAIN.md has the 2024 and 2025 meetings, not 2026's).
	 */
	private static Step intersessional(String presentation, String observations) {
		return step(TASK_INTERSESSIONAL_PRESENTATION, null, INTERSESSIONAL_PRESENTED_ON, "2026-06-18",
				INTERSESSIONAL_PRESENTATION, presentation, COMMITTEE_OBSERVATIONS, observations);
	}

	private static List<Step> concat(List<Step> first, List<Step> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private static List<Step> translations(String symbol) {
		return java.util.Collections.nCopies(6,
				step(TASK_CONFIRM_TRANSLATION, "isu-officer", DOCUMENT_SYMBOL, symbol, TRANSLATION_CONFIRMED, true));
	}

	private void perform(String instance, Step step) {
		Task task = awaitTask(instance, step.taskKey());
		String businessKey = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult()
			.getBusinessKey();
		// the steps that need a document in the record get it first, as the ISU uploads
		// it
		if (TASK_CHECK_COMPLETENESS.equals(step.taskKey())) {
			this.documents.ensure(businessKey, DocumentKind.REQUEST, "en", "Extension request " + businessKey);
		}
		if (TASK_CONFIRM_TRANSLATION.equals(step.taskKey())) {
			String language = String.valueOf(this.tasks.getVariable(task.getId(), LANGUAGE));
			this.documents.ensure(businessKey, DocumentKind.ANALYSIS_OFFICIAL, language,
					"Analysis of " + businessKey + " (" + language + ")");
		}
		String user = (step.user() != null) ? step.user() : task.getAssignee();
		if (user != null && !user.equals(task.getAssignee())) {
			this.tasks.claim(task.getId(), user);
		}
		this.tasks.complete(task.getId(), step.variables());
	}

	/**
	 * Waits for the task, running the instance's due asynchronous steps (letters) itself
	 * when the job executor has not yet done so.
	 */
	private Task awaitTask(String instance, String taskKey) {
		long giveUp = System.currentTimeMillis() + WAIT_MILLIS;
		while (System.currentTimeMillis() < giveUp) {
			List<Task> open = this.tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey(taskKey)
				.orderByTaskId()
				.asc()
				.list();
			if (!open.isEmpty()) {
				return open.get(0);
			}
			runDueSteps(instance);
		}
		throw new IllegalStateException("Task " + taskKey + " did not appear in " + instance);
	}

	private void runDueSteps(String instance) {
		for (Job job : this.management.createJobQuery().processInstanceId(instance).messages().executable().list()) {
			try {
				this.management.executeJob(job.getId());
			}
			catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException ex) {
				// the job executor took it first
			}
		}
	}

	private static Step step(String taskKey, String user, Object... keyValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		return new Step(taskKey, user, variables);
	}

	record Step(String taskKey, String user, Map<String, Object> variables) {

	}

	record DemoRequest(String convention, String state, String meeting, String requestedDeadline, String submittedOn,
			String summary, List<Step> steps) {

		Map<String, Object> start() {
			Map<String, Object> input = new HashMap<>();
			input.put(ExtensionRequestProcess.CONVENTION, this.convention);
			input.put(ExtensionRequestProcess.STATE_CODE, this.state);
			input.put(ExtensionRequestProcess.MEETING_CODE, this.meeting);
			input.put(ExtensionRequestProcess.REQUESTED_DEADLINE, this.requestedDeadline);
			input.put(ExtensionRequestProcess.SUBMITTED_ON, this.submittedOn);
			input.put(ExtensionRequestProcess.SUMMARY, this.summary);
			return input;
		}

	}

}
