package org.isu.clearance.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.isu.clearance.notification.Outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gauges for {@code /actuator/prometheus}: the engine's jobs (shared by all nodes), this
 * node's job executor, and the mail outbox. Each scrape reads the database.
 */
@Component
class OperationsMetrics implements MeterBinder {

	private final JobStatistics jobs;

	private final Outbox outbox;

	private final ObjectProvider<JobExecutor> jobExecutor;

	OperationsMetrics(JobStatistics jobs, Outbox outbox, ObjectProvider<JobExecutor> jobExecutor) {
		this.jobs = jobs;
		this.outbox = outbox;
		this.jobExecutor = jobExecutor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("camunda.jobs", this.jobs, JobStatistics::executable)
			.tag("state", "executable")
			.description("Jobs due now with retries left, on all nodes")
			.register(registry);
		Gauge.builder("camunda.jobs", this.jobs, JobStatistics::failed)
			.tag("state", "failed")
			.description("Jobs without retries left (incidents)")
			.register(registry);
		Gauge.builder("camunda.jobs", this.jobs, JobStatistics::dueTimers)
			.tag("state", "due-timer")
			.description("Timers due now and not yet run")
			.register(registry);
		Gauge.builder("camunda.job.executor.active", this.jobExecutor, OperationsMetrics::active)
			.description("1 while this node's job executor acquires jobs")
			.register(registry);
		Gauge.builder("clearance.outbox.mails", this.outbox, (outbox) -> outbox.statistics().pending())
			.tag("status", "pending")
			.description("Mails waiting to be sent")
			.register(registry);
		Gauge.builder("clearance.outbox.mails", this.outbox, (outbox) -> outbox.statistics().failed())
			.tag("status", "failed")
			.description("Mails given up on")
			.register(registry);
		Gauge
			.builder("clearance.outbox.oldest.pending.age", this.outbox,
					(outbox) -> outbox.statistics().oldestPendingAge().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("How long the oldest waiting mail has waited")
			.register(registry);
	}

	private static double active(ObjectProvider<JobExecutor> provider) {
		JobExecutor executor = provider.getIfAvailable();
		return (executor != null && executor.isActive()) ? 1 : 0;
	}

}
