package org.isu.clearance.demo;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the historical demo request's replay outside the demo run (the test profile has
 * no demo requests) and forgets what it left, so that the next test replays it anew: the
 * request's history, versions, mails and documents, Somalia's extension and deadline, and
 * the deadline watch the moved deadline started.
 */
final class DemoHistoryFixtures {

	private DemoHistoryFixtures() {
	}

	static DemoHistory replay(ExtensionRequests requests, TaskService tasks, ManagementService management,
			HistoryService history, ProcessEngine engine, Registry registry, DemoDocuments documents, Outbox outbox,
			JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new DemoHistory(requests, tasks, management, history, engine, registry, documents, outbox, jdbc,
				transactions);
	}

	static void forget(RuntimeService runtime, HistoryService history, JdbcClient jdbc) {
		// the listeners of the moved deadline run after the commit, asynchronously
		long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < giveUp
				&& jdbc.sql("select count(*) from event_publication where completion_date" + " is null")
					.query(Long.class)
					.single() > 0) {
			pause();
		}
		runtime.createProcessInstanceQuery()
			.processInstanceBusinessKeyLike("watch-CCM-SOM-%")
			.list()
			.forEach((watch) -> runtime.deleteProcessInstance(watch.getId(), "test over"));
		history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(DemoHistory.BUSINESS_KEY)
			.list()
			.forEach((instance) -> history.deleteHistoricProcessInstance(instance.getId()));
		jdbc.sql("delete from request_version where business_key = ?").param(DemoHistory.BUSINESS_KEY).update();
		jdbc.sql("delete from outbox_attachment where idempotency_key in"
				+ " (select idempotency_key from outbox_mail where business_key = ?)")
			.param(DemoHistory.BUSINESS_KEY)
			.update();
		jdbc.sql("delete from outbox_mail where business_key = ?").param(DemoHistory.BUSINESS_KEY).update();
		jdbc.sql("delete from document_content where document_id in (select id from document where business_key = ?)")
			.param(DemoHistory.BUSINESS_KEY)
			.update();
		jdbc.sql("update document set revises_id = null where business_key = ?")
			.param(DemoHistory.BUSINESS_KEY)
			.update();
		jdbc.sql("delete from document where business_key = ?").param(DemoHistory.BUSINESS_KEY).update();
		jdbc.sql("delete from registry_extension where state_party_id ="
				+ " (select id from registry_state_party where convention = 'CCM' and code = 'SOM')")
			.update();
		jdbc.sql("update registry_state_party set clearance_deadline = ? where convention = 'CCM' and code = 'SOM'")
			.param(java.sql.Date.valueOf(DemoHistory.DEADLINE))
			.update();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
