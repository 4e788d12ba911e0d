package org.isu.clearance.request;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.isu.clearance.shared.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.PROCESS_KEY;

/**
 * Moves the running {@code extension-request} instances of older versions to the latest
 * one at startup, with Camunda's migration API: each activity maps to the activity of the
 * same id ({@code mapEqualActivities}, timers recalculated where their definition
 * changed). A version the engine cannot map (its structure differs) is left alone: its
 * instances finish on it, and the log says so. Idempotent: once migrated, an instance is
 * on the latest version. Moves {@link #BATCH} instances per transaction, so that twenty
 * thousand running requests fit the production heap.
 */
@Component
class RunningRequestMigration implements StartupTask {

	/** Instances moved in one transaction: the heap holds one batch at a time. */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(RunningRequestMigration.class);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final IdentityService identity;

	RunningRequestMigration(RepositoryService repository, RuntimeService runtime, IdentityService identity) {
		this.repository = repository;
		this.runtime = runtime;
		this.identity = identity;
	}

	@Override
	public StartupStep step() {
		return StartupStep.MODEL_VERSIONS;
	}

	@Override
	public void run() {
		AsSystem.call(this.identity, () -> {
			migrateRunning();
			return null;
		});
	}

	/**
	 * @return how many instances moved to the latest version
	 */
	long migrateRunning() {
		return migrateRunning(BATCH);
	}

	/**
	 * @param batchSize instances moved per transaction
	 * @return how many instances moved to the latest version
	 */
	long migrateRunning(int batchSize) {
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return 0;
		}
		long moved = 0;
		List<ProcessDefinition> versions = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.list();
		for (ProcessDefinition older : versions) {
			if (older.getId().equals(latest.getId())) {
				continue;
			}
			long running = this.runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
			if (running == 0) {
				continue;
			}
			try {
				MigrationPlan plan = this.runtime.createMigrationPlan(older.getId(), latest.getId())
					.mapEqualActivities()
					.updateEventTriggers()
					.build();
				List<String> batch = ids(older, batchSize);
				while (!batch.isEmpty()) {
					// each batch in its own transaction; a moved instance leaves the
					// older version
					this.runtime.newMigration(plan).processInstanceIds(batch).execute();
					moved += batch.size();
					batch = ids(older, batchSize);
				}
				log.info("{} running extension request(s) moved from version {} to version {}", running,
						older.getVersion(), latest.getVersion());
			}
			catch (ProcessEngineException ex) {
				log.warn("{} running extension request(s) stay on version {} and finish on it: {}", running,
						older.getVersion(), ex.getMessage());
			}
		}
		return moved;
	}

	private List<String> ids(ProcessDefinition version, int batchSize) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionId(version.getId())
			.orderByProcessInstanceId()
			.asc()
			.listPage(0, batchSize)
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

}
