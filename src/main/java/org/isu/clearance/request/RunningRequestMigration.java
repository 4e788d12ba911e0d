package org.isu.clearance.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.shared.ClusterLock;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.PROCESS_KEY;

/**
 * Moves the running {@code extension-request} instances of older versions to the latest
 * one after a new model is deployed, with Camunda's migration API: each activity maps to
 * the activity of the same id ({@code mapEqualActivities}, timers recalculated where
 * their definition changed).
 * <p>
 * At startup it only hands them over: one Camunda migration batch per older version
 * ({@code executeAsync}), which the job executors of every node then carry out, one
 * instance per job, once the nodes serve requests. A start therefore takes as long with
 * twenty thousand running requests to move as with none. Until its job has run, a request
 * stays on its version and works as before. The batches show in Cockpit (Batches), where
 * a request that could not move appears as a failed job with its reason; it stays on its
 * version.
 * <p>
 * A version the engine cannot map (its structure differs) is left alone: its instances
 * finish on it, and the log says so. No batch is created while a migration batch is still
 * running (a restart during one, or another node's start), and one node at a time decides
 * (the {@code model-versions} lease of {@link ClusterLock}), so no request is ever in two
 * batches.
 */
@Component
class RunningRequestMigration implements StartupTask {

	static final String LOCK = "model-versions";

	/** Far longer than creating the batches takes, even for tens of thousands. */
	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(RunningRequestMigration.class);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final IdentityService identity;

	private final ClusterLock lock;

	RunningRequestMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
			IdentityService identity, ClusterLock lock) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.identity = identity;
		this.lock = lock;
	}

	@Override
	public StartupStep step() {
		return StartupStep.MODEL_VERSIONS;
	}

	@Override
	public void run() {
		AsSystem.call(this.identity, this::startMigration);
	}

	/**
	 * Creates a migration batch for each older version that has running instances and
	 * maps onto the latest, unless another node is at it or a migration batch still runs.
	 * @return the batches created
	 */
	List<Batch> startMigration() {
		if (!this.lock.tryLock(LOCK, LEASE)) {
			log.info("Another node is handing running extension requests to migration batches");
			return List.of();
		}
		try {
			return createBatches();
		}
		finally {
			this.lock.unlock(LOCK);
		}
	}

	private List<Batch> createBatches() {
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return List.of();
		}
		long running = this.management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count();
		if (running > 0) {
			log.info("{} migration batch(es) still running: the next start moves what they leave on older versions",
					running);
			return List.of();
		}
		List<Batch> batches = new ArrayList<>();
		for (ProcessDefinition older : this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.list()) {
			if (older.getId().equals(latest.getId())) {
				continue;
			}
			long instances = this.runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
			if (instances == 0) {
				continue;
			}
			MigrationPlan plan;
			try {
				plan = this.runtime.createMigrationPlan(older.getId(), latest.getId())
					.mapEqualActivities()
					.updateEventTriggers()
					.build();
			}
			catch (ProcessEngineException ex) {
				log.warn("{} running extension request(s) stay on version {} and finish on it: {}", instances,
						older.getVersion(), ex.getMessage());
				continue;
			}
			Batch batch = this.runtime.newMigration(plan)
				.processInstanceQuery(this.runtime.createProcessInstanceQuery().processDefinitionId(older.getId()))
				.executeAsync();
			batches.add(batch);
			log.info(
					"{} running extension request(s) of version {} handed to migration batch {}: the job executors"
							+ " move them to version {}",
					instances, older.getVersion(), batch.getId(), latest.getVersion());
		}
		return batches;
	}

}
