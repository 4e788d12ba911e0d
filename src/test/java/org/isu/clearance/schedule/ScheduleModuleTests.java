package org.isu.clearance.schedule;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.isu.clearance.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule module alone with the process engine and one model whose start timer a
 * schedule of the test configures (as the outreach module's {@code article7Schedule} does
 * in the application): the deployed timer follows the schedule, and a changed schedule
 * replaces it once.
 */
@ModuleTest
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/article7-reminders.bpmn" })
class ScheduleModuleTests {

	private static final String PROCESS_KEY = "article7-reminders";

	@Autowired
	private ScheduledStarts starts;

	@Autowired
	private TestSchedule schedule;

	@Autowired
	private ManagementService management;

	@Test
	void theStartTimerFollowsTheScheduleAndMovesOnceWhenItChanges() {
		assertThat(this.starts.align(this.schedule)).isFalse();
		assertThat(startTimer().getDuedate()).isEqualTo(ScheduledStarts.next("0 0 8 1 3 *", new Date()));

		this.schedule.cron = "0 30 9 15 4 *";

		assertThat(this.starts.align(this.schedule)).isTrue();
		assertThat(startTimer().getDuedate()).isEqualTo(ScheduledStarts.next("0 30 9 15 4 *", new Date()));
		assertThat(this.starts.align(this.schedule)).isFalse();
	}

	private Job startTimer() {
		return this.management.createJobQuery()
			.processDefinitionKey(PROCESS_KEY)
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
	}

	static class TestSchedule implements ScheduledStart {

		volatile String cron = "0 0 8 1 3 *";

		@Override
		public String processKey() {
			return PROCESS_KEY;
		}

		@Override
		public String cron() {
			return this.cron;
		}

	}

	@TestConfiguration
	static class Schedules {

		/** Named as the model's start timer calls it. */
		@Bean
		TestSchedule article7Schedule() {
			return new TestSchedule();
		}

	}

}
