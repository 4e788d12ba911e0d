package org.isu.clearance.request;

import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine's tables read directly ({@link EngineTables}) on H2; the PostgreSQL
 * integration test runs the same check on PostgreSQL.
 */
@ApplicationTest
class EngineTablesTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void everyQueryAnswersOnH2() {
		EngineTablesCheck.queriesAnswerOnThisDatabase(this.context, "NRU");
	}

}
