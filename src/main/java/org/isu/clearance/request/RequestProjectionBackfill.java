package org.isu.clearance.request;

import java.util.List;

import org.isu.clearance.request.EngineTables.HistoricInstance;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds to the read model the requests that existed before it (a database upgraded to this
 * version), from the engine's history tables. Runs at start-up, before the demo data;
 * does nothing once every request has its row.
 */
@Component
public class RequestProjectionBackfill implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(RequestProjectionBackfill.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final EngineTables engine;

	RequestProjectionBackfill(JdbcClient jdbc, TransactionTemplate transactions, EngineTables engine) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.transactions = transactions;
	}

	@Override
	public StartupStep step() {
		return StartupStep.REQUEST_READ_MODEL;
	}

	@Override
	public void run() {
		if (nothingMissing()) {
			return;
		}
		int added = 0;
		List<HistoricInstance> missing;
		do {
			missing = missing();
			List<HistoricInstance> batch = missing;
			this.transactions.executeWithoutResult((status) -> batch.forEach(this::add));
			added += missing.size();
		}
		while (missing.size() == BATCH);
		if (added > 0) {
			log.info("Added {} existing extension requests to the dashboard", added);
		}
	}

	/**
	 * Whether every extension request in the engine's history has its row: the usual case
	 * once the read model exists (the projection writes each new request's row in the
	 * transaction that starts it). Two counts from indexes, instead of looking up the row
	 * of every request ever started, finished ones included.
	 */
	private boolean nothingMissing() {
		long requests = this.engine.instancesStarted(ExtensionRequestProcess.PROCESS_KEY);
		long rows = this.jdbc.sql("select count(*) from dashboard_request").query(Long.class).single();
		return rows == requests;
	}

	private List<HistoricInstance> missing() {
		return this.engine.instancesWithoutRow(ExtensionRequestProcess.PROCESS_KEY, BATCH);
	}

	private void add(HistoricInstance instance) {
		String status = (instance.ended() == null) ? "open" : RequestProjection.status(endEvent(instance));
		this.jdbc.sql("""
				insert into dashboard_request (process_instance_id, business_key, status, late_submission, started_at,
				  ended_at)
				values (?, ?, ?, false, ?, ?)
				""")
			.params(instance.id(), instance.businessKey(), status, instance.started(), instance.ended())
			.update();
		for (Object[] value : this.engine.startVariables(instance.id(),
				List.copyOf(RequestProjection.COLUMNS.keySet()))) {
			RequestProjection.Column column = RequestProjection.COLUMNS.get((String) value[0]);
			Long number = (value[2] != null) ? ((Number) value[2]).longValue() : null;
			this.jdbc.sql("update dashboard_request set " + column.name() + " = :value where process_instance_id = :id")
				.param("value", column.kind().value((String) value[1], number), column.kind().sqlType())
				.param("id", instance.id())
				.update();
		}
	}

	private String endEvent(HistoricInstance instance) {
		return this.engine
			.lastReached(instance.id(), List.of(ExtensionRequestProcess.END_GRANTED,
					ExtensionRequestProcess.END_REFUSED, ExtensionRequestProcess.END_WITHDRAWN))
			.orElse(instance.endActivityId());
	}

}
