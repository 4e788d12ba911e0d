package org.isu.clearance.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.SignedIn;
import org.isu.clearance.document.Documents;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.request.RequestVersions;
import org.isu.clearance.request.RequestVersions.RequestVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Somalia's 13MSP cycle replayed as a finished, historical request while the job executor
 * runs, as in the application: every step on its historical day, the registry's extension
 * recorded by the engine, nothing of it sent, no job left, the clock and the job executor
 * back as they were.
 */
@ApplicationTest
class DemoHistoryTests {

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private Registry registry;

	@Autowired
	private DemoDocuments demoDocuments;

	@Autowired
	private Documents documents;

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private RequestVersions versions;

	@Autowired
	private TestRestTemplate rest;

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		DemoHistoryFixtures.forget(this.runtime, this.history, this.jdbc);
	}

	@Test
	void somaliasThirteenthMspCycleIsReplayedOnItsHistoricalDaysAndNothingOfItIsSent() {
		JobExecutor executor = ((ProcessEngineImpl) this.engine).getProcessEngineConfiguration().getJobExecutor();
		// as in the running application, the job executor acquires jobs when the replay
		// starts
		executor.start();
		boolean replayed;
		boolean activeAfter;
		try {
			replayed = replay().run();
			activeAfter = executor.isActive();
		}
		finally {
			executor.shutdown();
		}
		assertThat(replayed).isTrue();
		assertThat(activeAfter).as("the job executor acquires jobs again").isTrue();
		assertThat(ClockUtil.getCurrentTime()).isCloseTo(new Date(), 60_000);

		HistoricProcessInstance request = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(DemoHistory.BUSINESS_KEY)
			.singleResult();
		assertThat(day(request.getStartTime())).hasToString("2024-12-10");
		assertThat(day(request.getEndTime())).hasToString("2025-09-19");
		assertThat(request.getEndActivityId()).isEqualTo(END_GRANTED);

		// every task on its historical days: [created, completed]
		List<HistoricTaskInstance> steps = this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(request.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderByTaskDefinitionKey()
			.asc()
			.list();
		assertThat(steps).allSatisfy((task) -> assertThat(task.getEndTime()).isNotNull())
			.extracting(HistoricTaskInstance::getTaskDefinitionKey, (task) -> day(task.getStartTime()).toString(),
					(task) -> day(task.getEndTime()).toString())
			.containsExactly(tuple(TASK_CHECK_COMPLETENESS, "2024-12-10", "2024-12-12"),
					tuple(TASK_PRELIMINARY_REVIEW, "2024-12-12", "2025-01-20"),
					// the State's answers with its April revision
					tuple(TASK_RECORD_STATE_RESPONSE, "2025-01-20", "2025-04-14"),
					tuple(TASK_REVIEW_STATE_ANSWERS, "2025-04-14", "2025-04-25"),
					// and with its June revision
					tuple(TASK_RECORD_STATE_RESPONSE, "2025-04-25", "2025-06-05"),
					tuple(TASK_REVIEW_STATE_ANSWERS, "2025-06-05", "2025-06-10"),
					tuple(TASK_FINAL_REVIEW, "2025-06-10", "2025-06-16"),
					tuple(TASK_ENDORSE_ANALYSIS, "2025-06-16", "2025-07-01"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_CONFIRM_TRANSLATION, "2025-07-01", "2025-08-12"),
					tuple(TASK_PREPARE_PRESENTATION, "2025-08-12", "2025-09-05"),
					// the 13MSP opens on 16 September and decides on its last day
					tuple(TASK_RECORD_DECISION, "2025-09-16", "2025-09-19"));
		assertThat(activity(request, TIMER_MEETING_OPENS)).singleElement()
			.satisfies((timer) -> assertThat(day(timer.getEndTime())).hasToString("2025-09-16"));
		assertThat(activity(request, "Task_UpdateRegistry")).singleElement()
			.satisfies((step) -> assertThat(day(step.getEndTime())).hasToString("2025-09-19"));
		assertThat(activity(request, "Task_NotifyDecision")).singleElement()
			.satisfies((step) -> assertThat(day(step.getEndTime())).hasToString("2025-09-19"));
		// reminders never fired: the instance ended, which deleted their timers
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(request.getId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.filter((id) -> id.startsWith("Task_Remind"))).isEmpty();
		assertThat(this.management.createJobQuery().processInstanceId(request.getId()).count()).isZero();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(request.getId())
			.variableName(LATE_SUBMISSION)
			.singleResult()
			.getValue()).isEqualTo(false);

		// versions 1, 2 and 3 of the request, each on the day it was received
		assertThat(this.versions.list(DemoHistory.BUSINESS_KEY))
			.extracting(RequestVersion::version, (version) -> version.receivedOn().toString(),
					(version) -> version.requestedDeadline().toString(),
					(version) -> day(Date.from(version.recordedAt())).toString())
			.containsExactly(tuple(1, "2024-12-10", "2030-03-01", "2024-12-10"),
					tuple(2, "2025-04-14", "2030-03-01", "2025-04-14"),
					tuple(3, "2025-06-05", "2030-03-01", "2025-06-05"));

		// the engine recorded the extension: decided on 19 September 2025, before the
		// 1 March 2026 deadline it extends, and said to be illustrative
		StateParty somalia = this.registry.state(Convention.CCM, "SOM");
		assertThat(somalia.clearanceDeadline()).hasToString("2030-03-01");
		assertThat(somalia.extensions()).singleElement().satisfies((extension) -> {
			assertThat(extension.meetingCode()).isEqualTo("13MSP");
			assertThat(extension.decision()).isEqualTo("granted");
			assertThat(extension.previousDeadline()).hasToString("2026-03-01");
			assertThat(extension.newDeadline()).hasToString("2030-03-01");
			assertThat(extension.decidedOn()).hasToString("2025-09-19").isBefore(extension.previousDeadline());
			assertThat(extension.notes()).contains("Recorded by request CCM-SOM-13MSP", "Illustrative");
			assertThat(extension.reference()).contains("illustrative");
		});

		// its letters and notices are a historical record: none pending, none sent
		List<Map<String, Object>> mails = this.jdbc
			.sql("select kind, status, created_at from outbox_mail where business_key = ? order by id")
			.param(DemoHistory.BUSINESS_KEY)
			.query()
			.listOfRows();
		assertThat(mails).isNotEmpty().allSatisfy((mail) -> assertThat(mail.get("STATUS")).isEqualTo("historical"));
		assertThat(mails).extracting((mail) -> mail.get("KIND"))
			.contains("state-acknowledgement", "state-questions", "state-decision");
		assertThat(mails).filteredOn((mail) -> "state-questions".equals(mail.get("KIND")))
			.extracting((mail) -> day((Date) mail.get("CREATED_AT")).toString())
			.containsExactly("2025-01-20", "2025-04-25");
		assertThat(mails).filteredOn((mail) -> "state-decision".equals(mail.get("KIND")))
			.extracting((mail) -> day((Date) mail.get("CREATED_AT")).toString())
			.containsExactly("2025-09-19");
		assertThat(SignedIn.as(this.rest, "coordinator")
			.getForEntity("/mail?businessKey=" + DemoHistory.BUSINESS_KEY, String.class)
			.getBody()).contains("not sent (historical record)")
			.doesNotContain("class=\"tag pending\"", "class=\"tag sent\"");

		// the State's request, its two revisions and the analysis in the six languages
		assertThat(this.documents.list(DemoHistory.BUSINESS_KEY)).extracting((document) -> document.kind())
			.containsOnly("request", "revised-request", "analysis-official")
			.hasSize(9);
	}

	@Test
	void theHistoricalRequestIsReplayedOnce() {
		DemoHistory replay = replay();

		assertThat(replay.run()).isTrue();
		assertThat(replay.run()).isFalse();

		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(DemoHistory.BUSINESS_KEY)
			.count()).isEqualTo(1);
		assertThat(this.registry.state(Convention.CCM, "SOM").extensions()).hasSize(1);
	}

	private DemoHistory replay() {
		return DemoHistoryFixtures.replay(this.requests, this.tasks, this.management, this.history, this.engine,
				this.registry, this.demoDocuments, this.outbox, this.jdbc, this.transactions);
	}

	private List<HistoricActivityInstance> activity(HistoricProcessInstance request, String activityId) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(request.getId())
			.activityId(activityId)
			.list();
	}

	private static LocalDate day(Date date) {
		return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
	}

}
