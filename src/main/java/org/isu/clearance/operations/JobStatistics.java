package org.isu.clearance.operations;

import org.camunda.bpm.engine.ManagementService;

import org.springframework.stereotype.Component;

/**
 * Counts of the engine's jobs, for every node sharing the database.
 */
@Component
class JobStatistics {

	private final ManagementService management;

	JobStatistics(ManagementService management) {
		this.management = management;
	}

	/** Jobs due now with retries left: the backlog the executors have to work off. */
	long executable() {
		return this.management.createJobQuery().executable().count();
	}

	/** Jobs with no retries left: each has an incident waiting for an operator. */
	long failed() {
		return this.management.createJobQuery().noRetriesLeft().count();
	}

	/** Timers due now or earlier and not yet run. */
	long dueTimers() {
		return this.management.createJobQuery().timers().executable().count();
	}

}
