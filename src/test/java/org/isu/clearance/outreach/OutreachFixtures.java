package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.StatePartyInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clock, States and jobs for the tests of the scheduled mails.
 */
public final class OutreachFixtures {

	private OutreachFixtures() {
	}

	public static void clock(String dateTime) {
		ClockUtil.setCurrentTime(at(dateTime));
	}

	public static Date at(String dateTime) {
		return Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant());
	}

	public static StatePartyInput ccmState(String code, String deadline, Language language) {
		return new StatePartyInput(Convention.CCM, code, "State " + code, LocalDate.parse("2012-01-01"),
				LocalDate.parse(deadline), "focal." + code.toLowerCase() + "@example.org", language, null, "test");
	}

	/**
	 * Proves that a timer job is due exactly at a moment: not executable a minute before,
	 * executable at it; then executes it there, as the job executor would.
	 */
	public static void fireExactlyAt(ManagementService management, Job timer, String dateTime) {
		assertThat(timer.getDuedate()).isEqualTo(at(dateTime));
		ClockUtil.setCurrentTime(new Date(at(dateTime).getTime() - 60_000));
		assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
		clock(dateTime);
		assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
		management.executeJob(timer.getId());
	}

	/**
	 * Runs the asynchronous continuations (the mail steps) of a process instance.
	 */
	public static void runAsyncSteps(ManagementService management, String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			var jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> management.executeJob(job.getId()));
		}
	}

}
