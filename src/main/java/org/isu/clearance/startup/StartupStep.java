package org.isu.clearance.startup;

/**
 * The steps the application takes once it has started, in this order: the one list that
 * says what runs before what ({@link Startup} runs them). A module contributes a step
 * with a {@link StartupTask} bean naming its place here; a step whose bean is absent (the
 * demo steps outside the demo run) is skipped.
 */
public enum StartupStep {

	/**
	 * Groups, Camunda authorizations, Tasklist filters (identity): everything else acts
	 * under them.
	 */
	ACCESS,
	/**
	 * Indexes of the application's own on the engine's runtime tables (request): before
	 * the lists read them.
	 */
	ENGINE_INDEXES,
	/**
	 * Running instances of an older version of a model handed to Camunda migration
	 * batches (request), which the job executors carry out once the nodes serve requests;
	 * the steps below read and upgrade instances of any version.
	 */
	MODEL_VERSIONS,
	/**
	 * The coordinators' work plan of each convention's next cycles started or realigned
	 * with the registered meetings (workplan).
	 */
	WORK_PLAN_CYCLES,

	/**
	 * Variables of running instances brought to what this version reads (request): before
	 * anything reads them.
	 */
	RUNNING_INSTANCES,

	/** Demo users and sample States (demo). */
	DEMO_DATA,

	/**
	 * The request read model filled from the engine's history for requests it has not
	 * seen (request).
	 */
	REQUEST_READ_MODEL,

	/** Demo requests at different stages (demo): after the sample States they are for. */
	DEMO_REQUESTS,

	/**
	 * One deadline watch per State that needs one (outreach): after the States and the
	 * requests, which decide which watches are needed.
	 */
	DEADLINE_WATCHES,

	/** Timer start events in step with the configured schedules (schedule). */
	SCHEDULED_STARTS

}
