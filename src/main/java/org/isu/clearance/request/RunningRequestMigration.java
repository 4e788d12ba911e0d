package org.isu.clearance.request;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.isu.clearance.shared.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.PROCESS_KEY;

/**
 * Moves the running {@code extension-request} instances of older versions to the latest
 * one at startup, with Camunda's migration API: each activity maps to the activity of the
 * same id ({@code mapEqualActivities}, timers recalculated where their definition
 * changed). A version the engine cannot map (its structure differs) is left alone: its
 * instances finish on it, and the log says so. Idempotent: once migrated, an instance is
 * on the latest version.
 */
@Component
@Order(20)
class RunningRequestMigration implements ApplicationRunner {

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
	public void run(ApplicationArguments args) {
		AsSystem.call(this.identity, () -> {
			migrateRunning();
			return null;
		});
	}

	/**
	 * @return how many instances moved to the latest version
	 */
	long migrateRunning() {
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
				this.runtime.newMigration(plan)
					.processInstanceQuery(this.runtime.createProcessInstanceQuery().processDefinitionId(older.getId()))
					.execute();
				moved += running;
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

}
