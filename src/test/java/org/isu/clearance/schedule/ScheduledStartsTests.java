package org.isu.clearance.schedule;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed schedule in the configuration reaches the engine's start timer at the next
 * startup; an unchanged one leaves the deployment alone.
 */
@ApplicationTest
class ScheduledStartsTests {

	@Autowired
	private ScheduledStarts starts;

	@Autowired
	private List<ScheduledStart> schedules;

	@Autowired
	private ManagementService management;

	@Test
	void theStartTimersFollowTheConfiguredSchedules() {
		assertThat(this.schedules).extracting(ScheduledStart::processKey)
			.containsExactlyInAnyOrder("work-plan-quarter", "article7-reminders");
		for (ScheduledStart schedule : this.schedules) {
			assertThat(this.starts.align(schedule)).as(schedule.processKey()).isFalse();
			assertThat(startTimer(schedule.processKey()).getDuedate())
				.isEqualTo(ScheduledStarts.next(schedule.cron(), new Date()));
		}
	}

	@Test
	void aStartTimerOffTheConfiguredScheduleIsReplacedOnce() {
		ScheduledStart configured = this.schedules.stream()
			.filter((schedule) -> schedule.processKey().equals("work-plan-quarter"))
			.findFirst()
			.orElseThrow();
		// as after a change of clearance.workplan: the deployed timer runs on the old
		// schedule
		Date expected = ScheduledStarts.next(configured.cron(), new Date());
		this.management.setJobDuedate(startTimer("work-plan-quarter").getId(),
				new Date(expected.getTime() + 86_400_000L));

		assertThat(this.starts.align(configured)).isTrue();
		assertThat(startTimer("work-plan-quarter").getDuedate()).isEqualTo(expected);
		assertThat(this.starts.align(configured)).isFalse();
	}

	private Job startTimer(String processKey) {
		return this.management.createJobQuery()
			.processDefinitionKey(processKey)
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
	}

}
