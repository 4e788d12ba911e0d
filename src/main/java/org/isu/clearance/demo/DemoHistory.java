package org.isu.clearance.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.document.DocumentKind;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.ExtensionRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Somalia's real 13MSP cycle as a finished, historical request, {@code CCM-SOM-13MSP}:
 * driven through the real process, each step on its historical day (Camunda's clock set
 * to it), from its receipt in December 2024 to the 13MSP's decision on 19 September 2025,
 * which the engine records in the registry itself. ../shared/DOMAIN.md gives the deadline
 * (1 March 2026), the request (four years, to 1 March 2030; December 2024, revised in
 * April and June 2025; §2.4, §5) and the meeting (16-19 September 2025, §6); the days
 * within those months, the texts and the document symbol are illustrative, and so is the
 * outcome, which DOMAIN.md does not confirm: the decision's notes say so.
 * <p>
 * Camunda's clock is global to the JVM, and the application already runs (its web server
 * listens; the starter starts the job executor once the application is ready, after the
 * start-up steps, so in the default run it is not acquiring yet). So the replay
 * <ul>
 * <li>pauses this node's job executor when it runs (and waits for a job it had acquired
 * to finish) and lets the module events already published settle, before it moves the
 * clock;</li>
 * <li>runs in one transaction: nobody sees the request before it has ended, a failure
 * leaves nothing behind (the next start tries again), and the module events it publishes
 * (the deadline moved) reach their listeners after the commit, with the clock back to
 * now;</li>
 * <li>runs the instance's own asynchronous steps (its letters) itself, and never a
 * reminder timer: the instance ends, which deletes them;</li>
 * <li>keeps every mail it wrote as a historical record that is never sent (status
 * {@code historical}), before the commit, so that no sender ever sees one pending: no
 * letter or reminder of 2025 goes out in 2026;</li>
 * <li>puts the clock back and restarts the job executor, whatever happened.</li>
 * </ul>
 * Skipped when a request with that business key exists or existed, or when Somalia's
 * deadline is no longer the 1 March 2026 the cycle extends.
 */
@Component
@ConditionalOnProperty(prefix = "clearance.demo", name = { "enabled", "requests" }, havingValue = "true")
class DemoHistory {

	static final String BUSINESS_KEY = "CCM-SOM-13MSP";

	static final LocalDate DEADLINE = LocalDate.parse("2026-03-01");

	static final LocalDate REQUESTED_DEADLINE = LocalDate.parse("2030-03-01");

	/** Received in December 2024 (DOMAIN.md §2.4): the day is illustrative. */
	static final LocalDate RECEIVED_ON = LocalDate.parse("2024-12-10");

	/** The updated request of April 2025 (DOMAIN.md §2.4): the day is illustrative. */
	static final LocalDate APRIL_REVISION = LocalDate.parse("2025-04-14");

	/** The updated request of June 2025 (DOMAIN.md §2.4): the day is illustrative. */
	static final LocalDate JUNE_REVISION = LocalDate.parse("2025-06-05");

	/** The 13MSP's first and last days (DOMAIN.md §6). */
	static final LocalDate MEETING_OPENS = LocalDate.parse("2025-09-16");

	static final LocalDate MEETING_CLOSES = LocalDate.parse("2025-09-19");

	/** Not in DOMAIN.md (its 13MSP list shows the symbols of other States' analyses). */
	static final String SYMBOL = "CCM/MSP/2025/SOM (illustrative)";

	static final String DECISION_DOCUMENT_TEXT = "13MSP decision on the request of Somalia"
			+ " (illustrative: the outcome is not confirmed in DOMAIN.md §5)";

	static final String DECISION_NOTES_TEXT = "Illustrative: DOMAIN.md §5 does not confirm the 13MSP's outcome."
			+ " Somalia requested four years, to 1 March 2030 (December 2024, revised April and June 2025).";

	private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

	private static final Duration EVENTS_WAIT = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final ExtensionRequests requests;

	private final TaskService tasks;

	private final ManagementService management;

	private final HistoryService history;

	private final ProcessEngine engine;

	private final Registry registry;

	private final DemoDocuments documents;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	DemoHistory(ExtensionRequests requests, TaskService tasks, ManagementService management, HistoryService history,
			ProcessEngine engine, Registry registry, DemoDocuments documents, Outbox outbox, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.requests = requests;
		this.tasks = tasks;
		this.management = management;
		this.history = history;
		this.engine = engine;
		this.registry = registry;
		this.documents = documents;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Replays the cycle unless it was replayed before.
	 * @return whether it was replayed now
	 */
	boolean run() {
		if (this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(BUSINESS_KEY).count() > 0) {
			log.debug("Historical demo request {} exists", BUSINESS_KEY);
			return false;
		}
		LocalDate deadline = this.registry.findState(Convention.CCM, "SOM")
			.map(StateParty::clearanceDeadline)
			.orElse(null);
		if (!DEADLINE.equals(deadline)) {
			log.info("Historical demo request {} not replayed: Somalia's deadline is {}, not {}", BUSINESS_KEY,
					deadline, DEADLINE);
			return false;
		}
		JobExecutor executor = jobExecutor();
		boolean wasActive = executor != null && executor.isActive();
		try {
			if (wasActive && !pause(executor)) {
				log.warn("Historical demo request {} not replayed: a job still runs after {}", BUSINESS_KEY,
						IN_FLIGHT_WAIT);
				return false;
			}
			awaitModuleEvents();
			log.info("Replaying Somalia's 13MSP cycle as the historical request {} ({} to {}), the job executor {}",
					BUSINESS_KEY, RECEIVED_ON, MEETING_CLOSES, wasActive ? "paused" : "off");
			Replayed replayed = this.newTransaction.execute((status) -> replay());
			log.info(
					"Historical demo request {} replayed: instance {}, ended on {}; {} mail(s) kept as a historical"
							+ " record, never sent",
					BUSINESS_KEY, replayed.processInstanceId(), MEETING_CLOSES, replayed.historicalMails());
			return true;
		}
		finally {
			ClockUtil.reset();
			if (wasActive && !executor.isActive()) {
				executor.start();
			}
		}
	}

	/**
	 * The cycle, step by step, each at its historical moment; inside one transaction.
	 */
	private Replayed replay() {
		try {
			at(RECEIVED_ON, 10, 0);
			Map<String, Object> start = new HashMap<>();
			start.put(CONVENTION, "CCM");
			start.put(STATE_CODE, "SOM");
			start.put(MEETING_CODE, "13MSP");
			start.put(ExtensionRequestProcess.REQUESTED_DEADLINE, REQUESTED_DEADLINE.toString());
			start.put(SUBMITTED_ON, RECEIVED_ON.toString());
			start.put(SUMMARY, "Somalia requests four years, to 1 March 2030, from its deadline of 1 March 2026"
					+ " (DOMAIN.md §5). The day of receipt in December 2024 is illustrative.");
			ExtensionRequests.StartedRequest started = this.requests.start(start);
			if (!BUSINESS_KEY.equals(started.businessKey())) {
				throw new IllegalStateException("The request started as " + started.businessKey());
			}
			String instance = started.processInstanceId();
			this.documents.ensure(BUSINESS_KEY, DocumentKind.REQUEST, "en",
					"Somalia: extension request of December 2024 (illustrative copy)");
			runLetters(instance);

			at(LocalDate.parse("2024-12-12"), 11, 0);
			complete(instance, TASK_CHECK_COMPLETENESS, "isu-officer", REQUEST_COMPLETE, true, COMPLETENESS_NOTES,
					"Illustrative: items (a) to (i) present, with a costed multi-year work plan.");

			at(LocalDate.parse("2025-01-20"), 15, 0);
			complete(instance, TASK_PRELIMINARY_REVIEW, null, PRELIMINARY_FINDINGS,
					"Illustrative findings of the preliminary review (not in DOMAIN.md).", QUESTIONS_FOR_STATE, true,
					QUESTIONS, "Illustrative questions: 1. How far has the survey of the remaining areas advanced?"
							+ " 2. Which share of the work plan's budget is secured?");

			revisedRequest(instance, APRIL_REVISION, "April");

			at(LocalDate.parse("2025-04-25"), 15, 0);
			complete(instance, TASK_REVIEW_STATE_ANSWERS, null, ANSWERS_ASSESSMENT,
					"Illustrative: the answers leave the yearly milestones open.", FURTHER_QUESTIONS, true,
					NEXT_QUESTIONS, "Illustrative question: which areas will be released in each year to 2030?");

			revisedRequest(instance, JUNE_REVISION, "June");

			at(LocalDate.parse("2025-06-10"), 15, 0);
			complete(instance, TASK_REVIEW_STATE_ANSWERS, null, ANSWERS_ASSESSMENT,
					"Illustrative: the answers settle the questions.", FURTHER_QUESTIONS, false);

			at(LocalDate.parse("2025-06-16"), 15, 0);
			complete(instance, TASK_FINAL_REVIEW, null, ANALYSIS,
					"Illustrative analysis: DOMAIN.md does not quote the Analysis Group's analysis.", DRAFT_DECISION,
					"Illustrative draft: the Meeting grants the request until 1 March 2030.", RECOMMENDATION, "grant",
					RECOMMENDED_DEADLINE, REQUESTED_DEADLINE.toString());

			at(LocalDate.parse("2025-07-01"), 11, 0);
			complete(instance, TASK_ENDORSE_ANALYSIS, "coordinator", ENDORSED, true);

			LocalDateTime translated = LocalDate.parse("2025-08-12").atTime(10, 0);
			for (Task translation : open(instance, TASK_CONFIRM_TRANSLATION)) {
				at(translated);
				String language = String.valueOf(this.tasks.getVariable(translation.getId(), LANGUAGE));
				this.documents.ensure(BUSINESS_KEY, DocumentKind.ANALYSIS_OFFICIAL, language,
						"Analysis of the request of Somalia, " + SYMBOL + " (" + language + ")");
				complete(translation, "isu-officer", DOCUMENT_SYMBOL, SYMBOL, TRANSLATION_CONFIRMED, true);
				translated = translated.plusMinutes(10);
			}

			at(LocalDate.parse("2025-09-05"), 15, 0);
			complete(instance, TASK_PREPARE_PRESENTATION, "coordinator", PRESENTATION_NOTES,
					"Illustrative: Somalia presents its request at the 13MSP (16-19 September 2025, DOMAIN.md §6).");

			at(MEETING_OPENS, 9, 0);
			Job meetingOpens = this.management.createJobQuery()
				.processInstanceId(instance)
				.activityId(TIMER_MEETING_OPENS)
				.singleResult();
			if (meetingOpens == null) {
				throw new IllegalStateException("The request does not wait for the 13MSP to open");
			}
			this.management.executeJob(meetingOpens.getId());

			at(MEETING_CLOSES, 17, 0);
			complete(instance, TASK_RECORD_DECISION, "isu-officer", DECISION, "granted", NEW_DEADLINE,
					REQUESTED_DEADLINE.toString(), DECISION_DOCUMENT, DECISION_DOCUMENT_TEXT, DECISION_NOTES,
					DECISION_NOTES_TEXT);

			if (this.history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() != 1) {
				throw new IllegalStateException("The request did not end");
			}
			long jobs = this.management.createJobQuery().processInstanceId(instance).count();
			if (jobs > 0) {
				throw new IllegalStateException(jobs + " job(s) of the request are left");
			}
			int mails = this.outbox.keepAsHistorical(BUSINESS_KEY, instance);
			return new Replayed(instance, mails);
		}
		finally {
			ClockUtil.reset();
		}
	}

	/**
	 * The State's answers of a round with its updated request of that month (DOMAIN.md
	 * §2.4): the request's next version, still to 1 March 2030; the day is illustrative.
	 */
	private void revisedRequest(String instance, LocalDate on, String month) {
		at(on, 12, 0);
		this.documents.add(BUSINESS_KEY, DocumentKind.REVISED_REQUEST, "en",
				"Somalia: updated extension request of " + month + " 2025 (illustrative copy)");
		complete(instance, TASK_RECORD_STATE_RESPONSE, "isu-officer", RESPONSE_SUMMARY,
				"Somalia's answers, with its updated request of " + month
						+ " 2025 (DOMAIN.md §2.4); their content is illustrative.",
				REVISED_REQUEST_RECEIVED, true, REVISED_RECEIVED_ON, on.toString(), REVISED_REQUESTED_DEADLINE,
				REQUESTED_DEADLINE.toString(), REVISED_SUMMARY, "Updated request of " + month
						+ " 2025 (DOMAIN.md §2.4, §5): still four years, to 1 March 2030. The day is illustrative.");
	}

	private void complete(String instance, String taskKey, String user, Object... outcome) {
		List<Task> open = open(instance, taskKey);
		if (open.size() != 1) {
			throw new IllegalStateException("Expected one task " + taskKey + ", found " + open.size());
		}
		complete(open.get(0), user, outcome);
	}

	private void complete(Task task, String user, Object... outcome) {
		String who = (user != null) ? user : task.getAssignee();
		if (who != null && !who.equals(task.getAssignee())) {
			this.tasks.claim(task.getId(), who);
		}
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < outcome.length; i += 2) {
			variables.put((String) outcome[i], outcome[i + 1]);
		}
		this.tasks.complete(task.getId(), variables);
		runLetters(task.getProcessInstanceId());
	}

	private List<Task> open(String instance, String taskKey) {
		return this.tasks.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(taskKey)
			.orderByTaskId()
			.asc()
			.list();
	}

	/**
	 * Runs the instance's due asynchronous steps (its letters), never a timer.
	 */
	private void runLetters(String instance) {
		List<Job> due;
		while (!(due = this.management.createJobQuery().processInstanceId(instance).messages().executable().list())
			.isEmpty()) {
			for (Job job : due) {
				this.management.executeJob(job.getId());
			}
		}
	}

	private static void at(LocalDate day, int hour, int minute) {
		at(day.atTime(hour, minute));
	}

	private static void at(LocalDateTime moment) {
		ClockUtil.setCurrentTime(Date.from(moment.atZone(ZoneId.systemDefault()).toInstant()));
	}

	private JobExecutor jobExecutor() {
		return (this.engine instanceof ProcessEngineImpl impl) ? impl.getProcessEngineConfiguration().getJobExecutor()
				: null;
	}

	/**
	 * Stops the job executor's acquisition and waits until no job it had acquired is
	 * still locked by it (a Spring task executor runs those after the stop).
	 * @return whether none is left running
	 */
	private boolean pause(JobExecutor executor) {
		executor.shutdown();
		long giveUp = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
		while (lockedBy(executor.getLockOwner()) > 0) {
			if (System.nanoTime() > giveUp) {
				return false;
			}
			sleep();
		}
		return true;
	}

	private long lockedBy(String lockOwner) {
		return this.jdbc
			.sql("select count(*) from " + this.management.getTableName(JobEntity.class)
					+ " where LOCK_OWNER_ = ? and LOCK_EXP_TIME_ > ?")
			.params(lockOwner, new java.sql.Timestamp(System.currentTimeMillis()))
			.query(Long.class)
			.single();
	}

	/**
	 * Waits a while for the module events already published (the sample States' new
	 * deadlines) to reach their listeners, which would otherwise run under the moved
	 * clock; one whose listener failed stays incomplete, and the wait gives up on it.
	 */
	private void awaitModuleEvents() {
		long giveUp = System.nanoTime() + EVENTS_WAIT.toNanos();
		while (incompleteModuleEvents() > 0 && System.nanoTime() < giveUp) {
			sleep();
		}
	}

	private long incompleteModuleEvents() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while pausing for the historical demo request", ex);
		}
	}

	record Replayed(String processInstanceId, int historicalMails) {

	}

}
