package org.isu.clearance.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.ModuleEvents;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingChanged;
import org.isu.clearance.registry.MeetingInput;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.shared.ClusterLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.outreach.OutreachFixtures.ccmState;
import static org.isu.clearance.outreach.OutreachFixtures.clock;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * A module event whose listener fails is not lost: the listener that realigns the
 * deadline watches when a meeting moves fails once, its event stays in
 * {@code event_publication}, and the resubmission job hands it over again, on one node at
 * a time. Events count as due at once here ({@code older-than} zero); the scheduled round
 * does not come during the test.
 */
@ApplicationTest
@TestPropertySource(properties = { "clearance.operations.event-resubmission.older-than=PT0S",
		"clearance.operations.event-resubmission.interval=PT1H",
		// a context of its own: its engine must not take the shared one's place in
		// Camunda's static registry
		"camunda.bpm.generate-unique-process-engine-name=true" })
class EventResubmissionTests {

	@MockitoSpyBean
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private EventResubmission resubmission;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theRealignmentFailsOnceAndStillHappens() {
		clock("2026-06-01T10:00:00");
		// deadline 1 October 2027: the 14MSP (14 September 2027) is the target meeting
		this.registry.createState(ccmState("DMA", "2027-10-01", Language.en));
		ProcessInstance watch = watch("watch-CCM-DMA-14MSP");
		assertThat(this.runtime.getVariable(watch.getId(), "meetingFirstDay")).isEqualTo("2027-09-14");
		assertThat(incomplete()).isZero();
		Meeting meeting = this.registry.meeting(Convention.CCM, "14MSP");

		doThrow(new IllegalStateException("registry briefly unavailable")).doCallRealMethod()
			.when(this.registry)
			.states(Convention.CCM);
		move(meeting, "2027-09-07", "2027-09-10");
		ModuleEvents.awaitListeners(this.context);

		// the meeting moved, the watch did not: the event waits
		assertThat(this.registry.meeting(Convention.CCM, "14MSP").firstDay()).isEqualTo("2027-09-07");
		assertThat(this.runtime.getVariable(watch.getId(), "meetingFirstDay")).isEqualTo("2027-09-14");
		assertThat(this.jdbc.sql("select event_type from event_publication where completion_date is null")
			.query(String.class)
			.list()).containsExactly(MeetingChanged.class.getName());
		assertThat(gauge()).isEqualTo(1);

		assertThat(this.resubmission.resubmit()).isOne();
		// handed to the listener, which runs asynchronously as at the first try
		ModuleEvents.awaitListeners(this.context);

		assertThat(this.runtime.getVariable(watch.getId(), "meetingFirstDay")).isEqualTo("2027-09-07");
		assertThat(this.runtime.getVariable(watch.getId(), "contactOn")).isEqualTo("2026-03-07");
		assertThat(incomplete()).isZero();
		assertThat(this.meters.get("clearance.events.resubmitted").counter().count()).isEqualTo(1);
		assertThat(this.resubmission.resubmit()).isZero();

		doCallRealMethod().when(this.registry).states(Convention.CCM);
		move(meeting, meeting.firstDay().toString(), meeting.lastDay().toString());
		ModuleEvents.awaitListeners(this.context);
		assertThat(this.runtime.getVariable(watch.getId(), "meetingFirstDay")).isEqualTo("2027-09-14");
	}

	@Test
	void oneNodeAtATimeResubmits() {
		Timestamp later = Timestamp.from(Instant.now().plusSeconds(600));
		this.jdbc.sql("update app_lock set locked_until = ?, locked_by = 'another-node' where name = ?")
			.params(later, EventResubmission.LOCK)
			.update();
		assertThat(this.resubmission.resubmit()).isEqualTo(-1);

		// the other node's lease ran out (it died): this one takes over
		this.jdbc.sql("update app_lock set locked_until = ? where name = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), EventResubmission.LOCK)
			.update();
		assertThat(this.resubmission.resubmit()).isZero();
		assertThat(this.jdbc.sql("select locked_by from app_lock where name = ?")
			.param(EventResubmission.LOCK)
			.query(String.class)
			.single()).isEqualTo(ClusterLock.NODE);
		// and gave it back
		assertThat(this.jdbc.sql("select locked_until from app_lock where name = ?")
			.param(EventResubmission.LOCK)
			.query(Timestamp.class)
			.single()
			.toInstant()).isBeforeOrEqualTo(Instant.now());
	}

	private ProcessInstance watch(String businessKey) {
		ModuleEvents.awaitListeners(this.context);
		return this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
	}

	private int incomplete() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Integer.class)
			.single();
	}

	private double gauge() {
		return this.meters.get("clearance.events.incomplete").gauge().value();
	}

	private void move(Meeting meeting, String firstDay, String lastDay) {
		this.registry.updateMeeting(meeting.convention(), meeting.code(),
				new MeetingInput(meeting.convention(), meeting.code(), meeting.kind(), LocalDate.parse(firstDay),
						LocalDate.parse(lastDay), meeting.venue(), false, "The meeting moved"));
	}

}
