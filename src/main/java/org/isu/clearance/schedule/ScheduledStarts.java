package org.isu.clearance.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The engine reads a timer start event's cron expression when the model is deployed and
 * then keeps repeating that one; an unchanged model is not redeployed. So when the
 * configuration changed (quarter starts, Article 7 dates, send times), this redeploys the
 * model at startup: the engine replaces the start timer with one on the new schedule. A
 * start timer that is already due is left to fire first. Every module whose model starts
 * on a configured schedule (outreach's Article 7 reminders, the work-plan quarters)
 * declares it as a {@link ScheduledStart} bean.
 */
@Component
class ScheduledStarts implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(ScheduledStarts.class);

	private final List<ScheduledStart> schedules;

	private final ManagementService management;

	private final RepositoryService repository;

	ScheduledStarts(List<ScheduledStart> schedules, ManagementService management, RepositoryService repository) {
		this.schedules = schedules;
		this.management = management;
		this.repository = repository;
	}

	@Override
	public StartupStep step() {
		return StartupStep.SCHEDULED_STARTS;
	}

	@Override
	public void run() {
		this.schedules.forEach(this::align);
	}

	/**
	 * @return whether the model was redeployed
	 */
	boolean align(ScheduledStart schedule) {
		Date now = ClockUtil.getCurrentTime();
		Date expected = next(schedule.cron(), now);
		List<Job> timers = this.management.createJobQuery()
			.processDefinitionKey(schedule.processKey())
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null)
			.toList();
		boolean stale = timers.stream()
			.anyMatch((job) -> job.getDuedate().after(now) && !job.getDuedate().equals(expected));
		if (!stale) {
			return false;
		}
		String resource = "bpmn/" + schedule.processKey() + ".bpmn";
		try (InputStream model = new ClassPathResource(resource).getInputStream()) {
			this.repository.createDeployment()
				.name("schedule-" + schedule.processKey())
				.source("clearance.outreach")
				.addInputStream(resource, model)
				.deploy();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
		log.info("{} redeployed: its start timer now follows '{}' (next {})", schedule.processKey(), schedule.cron(),
				expected);
		return true;
	}

	static Date next(String cron, Date after) {
		ZonedDateTime next = CronExpression.parse(cron)
			.next(ZonedDateTime.ofInstant(after.toInstant(), ZoneId.systemDefault()));
		return Date.from(next.toInstant());
	}

}
