package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ModuleEvents;
import org.isu.clearance.ProcessTest;
import org.isu.clearance.Rows;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingInput;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.isu.clearance.outreach.DeadlineWatchProcess.*;
import static org.isu.clearance.outreach.OutreachFixtures.*;

/**
 * Every path of {@code deadline-watch} on the real model, form and beans, with the clock
 * moved: a State whose deadline is 1 November 2028 has the (projected) 15MSP, opening 15
 * September 2028, as its target meeting M; so the coordinators contact it on 15 March
 * 2027 (M − 18 months), its focal point is reminded on 15 September, 15 November and 1
 * December 2027, its request is due on 15 December 2027 and the coordinators are alerted
 * on 16 December 2027, each at 09:00.
 */
@ProcessTest(PROCESS_KEY)
class DeadlineWatchProcessTests {

	private static final String DEADLINE = "2028-11-01";

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private DeadlineWatches watches;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void setUp() {
		clock("2026-06-01T10:00:00");
	}

	@Test
	void registeringAStateStartsItsWatchAndTheCoordinatorsContactItAtMMinus18Months() {
		this.registry.createState(ccmState("GUY", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-GUY-15MSP");
		assertThat(watch).isWaitingAt(TIMER_CONTACT_DUE, TIMER_FIRST_REMINDER)
			.variables()
			.containsEntry(CONTACT_ON, "2027-03-15")
			.containsEntry(SUBMISSION_DUE, "2027-12-15")
			.containsEntry(MEETING_FIRST_DAY, "2028-09-15");

		fireExactlyAt(this.management, timer(watch, TIMER_CONTACT_DUE), "2027-03-15T09:00:00");

		assertThat(watch).isWaitingAt(TASK_CONTACT_STATE);
		assertThat(task(TASK_CONTACT_STATE, watch)).hasCandidateGroup("coordinators")
			.hasDueDate(at("2027-04-15T09:00:00"));
		assertThatThrownBy(() -> complete(task(TASK_CONTACT_STATE, watch),
				withVariables(CONTACT_OUTCOME, "phoned", CONTACTED_ON, "2027-03-16")))
			.hasStackTraceContaining(CONTACT_OUTCOME);
		assertThatThrownBy(() -> complete(task(TASK_CONTACT_STATE, watch),
				withVariables(CONTACT_OUTCOME, "letter-sent", CONTACTED_ON, "2027-04-01")))
			.hasStackTraceContaining("must not be in the future");
		complete(task(TASK_CONTACT_STATE, watch), withVariables(CONTACT_OUTCOME, "letter-sent", CONTACTED_ON,
				"2027-03-15", COALITION_OFFERED, true, CONTACT_NOTES, "Letter of the President; coalition offered."));

		assertThat(watch).hasPassed(END_STATE_CONTACTED).isWaitingAt(TIMER_FIRST_REMINDER);
	}

	@Test
	void remindersAndTheOverdueAlertFireAtTheirOffsetsAndNotAMinuteBefore() {
		this.registry.createState(ccmState("JAM", DEADLINE, Language.fr));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-JAM-15MSP");
		fireExactlyAt(this.management, timer(watch, TIMER_CONTACT_DUE), "2027-03-15T09:00:00");
		complete(task(TASK_CONTACT_STATE, watch),
				withVariables(CONTACT_OUTCOME, "no-answer", CONTACTED_ON, "2027-03-15"));

		fireExactlyAt(this.management, timer(watch, TIMER_FIRST_REMINDER), "2027-09-15T09:00:00");
		runAsyncSteps(this.management, watch.getId());
		fireExactlyAt(this.management, timer(watch, TIMER_SECOND_REMINDER), "2027-11-15T09:00:00");
		runAsyncSteps(this.management, watch.getId());
		fireExactlyAt(this.management, timer(watch, TIMER_FINAL_REMINDER), "2027-12-01T09:00:00");
		runAsyncSteps(this.management, watch.getId());
		fireExactlyAt(this.management, timer(watch, TIMER_SUBMISSION_OVERDUE), "2027-12-16T09:00:00");
		runAsyncSteps(this.management, watch.getId());

		assertThat(watch).isEnded()
			.hasPassedInOrder(TASK_SEND_FIRST_REMINDER, TASK_SEND_SECOND_REMINDER, TASK_SEND_FINAL_REMINDER,
					TASK_ALERT_COORDINATORS, END_NO_REQUEST);
		List<Map<String, Object>> mails = mails("watch-CCM-JAM-15MSP");
		assertThat(mails).filteredOn((mail) -> "focal.jam@example.org".equals(mail.get("RECIPIENT")))
			.extracting((mail) -> mail.get("KIND"))
			.containsExactly("watch-first-reminder", "watch-second-reminder", "watch-final-reminder");
		assertThat(mails).filteredOn((mail) -> "focal.jam@example.org".equals(mail.get("RECIPIENT")))
			.allSatisfy((mail) -> {
				assertThat(mail.get("LANGUAGE")).isEqualTo("fr");
				assertThat((String) mail.get("BODY_TEXT")).contains("State JAM", "15MSP", "2027-12-15");
			});
		assertThat(mails).filteredOn((mail) -> "watch-final-reminder".equals(mail.get("KIND")))
			.singleElement()
			.satisfies((mail) -> assertThat((String) mail.get("SUBJECT")).startsWith("Dernier rappel"));
		// the final reminder and the coordinators' alert state the facts: no general rule
		// that late requests are not approved (that was an APMBC meeting's decision)
		assertThat(mails).filteredOn((mail) -> "watch-final-reminder".equals(mail.get("KIND")))
			.singleElement()
			.satisfies((mail) -> assertThat((String) mail.get("BODY_TEXT")).contains(
					"L'article 4, paragraphe 6, de la Convention dispose que chaque demande doit être présentée au moins neuf mois avant")
				.doesNotContain("approuv", "risque de ne pas"));
		assertThat(mails).filteredOn((mail) -> "watch-overdue".equals(mail.get("KIND")))
			.isNotEmpty()
			.allSatisfy((mail) -> {
				assertThat((String) mail.get("SUBJECT")).contains("No extension request received");
				assertThat((String) mail.get("BODY_TEXT")).contains("recorded as late", "Article 4(6)")
					.doesNotContain("not approved");
			})
			.extracting((mail) -> mail.get("RECIPIENT"))
			.contains("coordinator@example.org");
	}

	@Test
	void startingARequestForTheStateAndMeetingEndsTheWatch() {
		clock("2027-10-01T10:00:00");
		this.registry.createState(ccmState("BRB", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-BRB-15MSP");

		String request = this.requests.start(Map.of(ExtensionRequestProcess.CONVENTION, "CCM",
				ExtensionRequestProcess.STATE_CODE, "BRB", ExtensionRequestProcess.REQUESTED_DEADLINE, "2031-11-01",
				ExtensionRequestProcess.SUBMITTED_ON, "2027-10-01", ExtensionRequestProcess.SUMMARY, "More time."))
			.processInstanceId();
		ModuleEvents.awaitListeners(this.context);

		assertThat(watch).isEnded().hasPassed(END_REQUEST_STARTED).hasNotPassed(TASK_SEND_SECOND_REMINDER);
		this.watches.run();
		assertThat(this.watches.watchesOf(this.registry.state(Convention.CCM, "BRB"))).isEmpty();
		this.runtime.deleteProcessInstance(request, "test over");
	}

	@Test
	void editingTheDeadlineMovesTheWatchByCancelAndRestart() {
		this.registry.createState(ccmState("TTO", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		String first = watch("watch-CCM-TTO-15MSP").getId();

		// a deadline a year later: another meeting, another watch
		this.registry.updateState(Convention.CCM, "TTO", ccmState("TTO", "2029-11-01", Language.en));
		ModuleEvents.awaitListeners(this.context);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(first).count()).isZero();
		ProcessInstance moved = watch("watch-CCM-TTO-16MSP");
		assertThat(moved).variables()
			.containsEntry(CONTACT_ON, "2028-03-15")
			.containsEntry(SUBMISSION_DUE, "2028-12-15");

		// a deadline that keeps the meeting keeps the watch
		this.registry.updateState(Convention.CCM, "TTO", ccmState("TTO", "2029-12-01", Language.en));
		ModuleEvents.awaitListeners(this.context);
		assertThat(watch("watch-CCM-TTO-16MSP").getId()).isEqualTo(moved.getId());
		assertThat(this.runtime.getVariable(moved.getId(), CURRENT_DEADLINE)).isEqualTo("2029-12-01");

		// a deadline whose meeting has passed needs no watch
		this.registry.updateState(Convention.CCM, "TTO", ccmState("TTO", "2026-07-01", Language.en));
		ModuleEvents.awaitListeners(this.context);
		assertThat(this.watches.watchesOf(this.registry.state(Convention.CCM, "TTO"))).isEmpty();
	}

	@Test
	void movingTheMeetingMovesTheWatchsDatesAndWaitingTimers() {
		// deadline 1 October 2027: the 14MSP, registered for 14 September 2027, is M
		this.registry.createState(ccmState("VCT", "2027-10-01", Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-VCT-14MSP");
		assertThat(timer(watch, TIMER_FIRST_REMINDER).getDuedate()).isEqualTo(at("2026-09-14T09:00:00"));
		Meeting meeting = this.registry.meeting(Convention.CCM, "14MSP");
		try {
			moveMeeting(meeting, "2027-09-07", "2027-09-10", false);

			assertThat(watch("watch-CCM-VCT-14MSP").getId()).isEqualTo(watch.getId());
			assertThat(watch).variables()
				.containsEntry(MEETING_FIRST_DAY, "2027-09-07")
				.containsEntry(MEETING_PROVISIONAL, false)
				.containsEntry(CONTACT_ON, "2026-03-07")
				.containsEntry(SUBMISSION_DUE, "2026-12-07");
			assertThat(timer(watch, TIMER_FIRST_REMINDER).getDuedate()).isEqualTo(at("2026-09-07T09:00:00"));
			assertThat(timer(watch, TIMER_CONTACT_DUE).getDuedate()).isEqualTo(at("2026-03-07T09:00:00"));
		}
		finally {
			moveMeeting(meeting, meeting.firstDay().toString(), meeting.lastDay().toString(), meeting.provisional());
		}
		assertThat(timer(watch, TIMER_FIRST_REMINDER).getDuedate()).isEqualTo(at("2026-09-14T09:00:00"));
	}

	@Test
	void movingTheMeetingMovesTheDueDateOfAnOpenContactTask() {
		// deadline 1 October 2027, M = 14MSP (14 September 2027): contact on 14 March
		// 2026
		clock("2026-03-20T10:00:00");
		this.registry.createState(ccmState("ATG", "2027-10-01", Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-ATG-14MSP");
		this.management.executeJob(timer(watch, TIMER_CONTACT_DUE).getId());
		// contacted late: due a month from today
		assertThat(task(TASK_CONTACT_STATE, watch).getDueDate()).isEqualTo(at("2026-04-20T09:00:00"));
		Meeting meeting = this.registry.meeting(Convention.CCM, "14MSP");
		try {
			moveMeeting(meeting, "2027-09-28", "2027-09-30", false);

			// contact on 28 March 2026 now, a month for it
			assertThat(watch).variables().containsEntry(CONTACT_ON, "2026-03-28");
			assertThat(task(TASK_CONTACT_STATE, watch).getDueDate()).isEqualTo(at("2026-04-28T09:00:00"));
		}
		finally {
			moveMeeting(meeting, meeting.firstDay().toString(), meeting.lastDay().toString(), meeting.provisional());
		}
	}

	private void moveMeeting(Meeting meeting, String firstDay, String lastDay, boolean provisional) {
		this.registry.updateMeeting(meeting.convention(), meeting.code(),
				new MeetingInput(meeting.convention(), meeting.code(), meeting.kind(), LocalDate.parse(firstDay),
						LocalDate.parse(lastDay), meeting.venue(), provisional, "The meeting moved"));
		ModuleEvents.awaitListeners(this.context);
	}

	@Test
	void startupStartsMissingWatchesIdempotently() {
		this.registry.createState(ccmState("BLZ", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		String watch = watch("watch-CCM-BLZ-15MSP").getId();
		this.runtime.deleteProcessInstance(watch, "lost");

		this.watches.run();
		this.watches.run();

		assertThat(this.watches.watchesOf(this.registry.state(Convention.CCM, "BLZ"))).singleElement()
			.satisfies((instance) -> assertThat(instance.getBusinessKey()).isEqualTo("watch-CCM-BLZ-15MSP"));
	}

	@Test
	void aWatchThatStartsLateSendsOnlyTheLatestReminderThatStillMakesSense() {
		clock("2027-11-20T10:00:00");
		this.registry.createState(ccmState("SUR", DEADLINE, Language.es));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-SUR-15MSP");

		this.management.executeJob(timer(watch, TIMER_FIRST_REMINDER).getId());
		runAsyncSteps(this.management, watch.getId());
		this.management.executeJob(timer(watch, TIMER_SECOND_REMINDER).getId());
		runAsyncSteps(this.management, watch.getId());

		assertThat(mails("watch-CCM-SUR-15MSP")).singleElement().satisfies((mail) -> {
			assertThat(mail.get("KIND")).isEqualTo("watch-second-reminder");
			assertThat(mail).containsEntry("LANGUAGE", "es").containsEntry("REQUESTED_LANGUAGE", "es");
			assertThat((String) mail.get("SUBJECT")).isEqualTo(
					"Recordatorio: solicitud de prórroga de State SUR prevista a más tardar para el 2027-12-15 (CCM, 15MSP)");
			assertThat((String) mail.get("BODY_TEXT")).contains("queda aproximadamente un mes");
		});
		assertThat(timer(watch, TIMER_FINAL_REMINDER).getDuedate()).isEqualTo(at("2027-12-01T09:00:00"));
	}

	@Test
	void theSameReminderStepRunTwiceWritesOneMail() {
		this.registry.createState(ccmState("DMA", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-DMA-15MSP");
		fireExactlyAt(this.management, timer(watch, TIMER_FIRST_REMINDER), "2027-09-15T09:00:00");
		runAsyncSteps(this.management, watch.getId());

		this.runtime.createProcessInstanceModification(watch.getId())
			.startBeforeActivity(TASK_SEND_FIRST_REMINDER)
			.execute();
		runAsyncSteps(this.management, watch.getId());

		assertThat(mails("watch-CCM-DMA-15MSP")).singleElement()
			.satisfies((mail) -> assertThat(mail.get("KIND")).isEqualTo("watch-first-reminder"));
	}

	@Test
	void aWatchThatNoLongerMatchesTheRegistrySendsNothing() {
		this.registry.createState(ccmState("KNA", DEADLINE, Language.en));
		ModuleEvents.awaitListeners(this.context);
		ProcessInstance watch = watch("watch-CCM-KNA-15MSP");
		// as if moving the watch had failed: it still waits for a meeting the deadline no
		// longer leads to
		this.runtime.setVariable(watch.getId(), MEETING_CODE, "14MSP");

		fireExactlyAt(this.management, timer(watch, TIMER_FIRST_REMINDER), "2027-09-15T09:00:00");
		runAsyncSteps(this.management, watch.getId());

		assertThat(watch).hasPassed(TASK_SEND_FIRST_REMINDER);
		assertThat(mails("watch-CCM-KNA-15MSP")).isEmpty();
	}

	private ProcessInstance watch(String businessKey) {
		ProcessInstance watch = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
		assertThat(watch).as("watch %s", businessKey).isNotNull();
		return watch;
	}

	private Job timer(ProcessInstance watch, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(watch.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	private List<Map<String, Object>> mails(String businessKey) {
		return Rows.of(this.jdbc,
				"select kind, recipient, language, requested_language, subject, body_text from outbox_mail where business_key = ? order by id",
				businessKey);
	}

}
