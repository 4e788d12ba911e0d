package org.isu.clearance.operations;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The job executor of this node: {@code UP} while it acquires jobs, {@code DOWN} when it
 * should but does not, {@code UNKNOWN} on a node where it is switched off
 * ({@code camunda.bpm.job-execution.enabled=false}). Its details count the jobs waiting
 * for any node and those that failed for good (an incident in Cockpit). Replaces the
 * starter's indicator of the same name, which has no counts.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

	private final ObjectProvider<JobExecutor> jobExecutor;

	private final JobStatistics jobs;

	JobExecutorHealthIndicator(ObjectProvider<JobExecutor> jobExecutor, JobStatistics jobs) {
		super("Job executor health check failed");
		this.jobExecutor = jobExecutor;
		this.jobs = jobs;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		JobExecutor executor = this.jobExecutor.getIfAvailable();
		if (executor == null) {
			builder.unknown().withDetail("enabled", false);
		}
		else {
			(executor.isActive() ? builder.up() : builder.down()).withDetail("enabled", true)
				.withDetail("active", executor.isActive())
				.withDetail("lockOwner", executor.getLockOwner())
				.withDetail("lockTimeInMillis", executor.getLockTimeInMillis());
		}
		builder.withDetail("executableJobs", this.jobs.executable()).withDetail("failedJobs", this.jobs.failed());
	}

}
