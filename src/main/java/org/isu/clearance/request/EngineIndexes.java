package org.isu.clearance.request;

import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;

import org.springframework.stereotype.Component;

/**
 * The start-up step that gives the engine's runtime tables the indexes the request list
 * needs ({@link EngineTables#INDEXES}).
 */
@Component
class EngineIndexes implements StartupTask {

	private final EngineTables tables;

	EngineIndexes(EngineTables tables) {
		this.tables = tables;
	}

	@Override
	public StartupStep step() {
		return StartupStep.ENGINE_INDEXES;
	}

	@Override
	public void run() {
		this.tables.ensureIndexes();
	}

}
