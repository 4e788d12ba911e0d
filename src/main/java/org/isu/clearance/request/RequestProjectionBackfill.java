package org.isu.clearance.request;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

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

	RequestProjectionBackfill(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
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
		List<Instance> missing;
		do {
			missing = missing();
			List<Instance> batch = missing;
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
		long requests = this.jdbc.sql("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?")
			.param(ExtensionRequestProcess.PROCESS_KEY)
			.query(Long.class)
			.single();
		long rows = this.jdbc.sql("select count(*) from dashboard_request").query(Long.class).single();
		return rows == requests;
	}

	private List<Instance> missing() {
		return this.jdbc.sql("""
				select p.PROC_INST_ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.END_ACT_ID_
				from ACT_HI_PROCINST p
				where p.PROC_DEF_KEY_ = :key
				  and not exists (select 1 from dashboard_request r where r.process_instance_id = p.PROC_INST_ID_)
				order by p.START_TIME_
				fetch first %d rows only
				""".formatted(BATCH))
			.param("key", ExtensionRequestProcess.PROCESS_KEY)
			.query((rs, row) -> new Instance(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
					rs.getString(5)))
			.list();
	}

	private void add(Instance instance) {
		String status = (instance.ended() == null) ? "open" : RequestProjection.status(endEvent(instance));
		this.jdbc.sql("""
				insert into dashboard_request (process_instance_id, business_key, status, late_submission, started_at,
				  ended_at)
				values (?, ?, ?, false, ?, ?)
				""")
			.params(instance.id(), instance.businessKey(), status, instance.started(), instance.ended())
			.update();
		List<Object[]> values = new ArrayList<>();
		this.jdbc.sql("""
				select NAME_, TEXT_, LONG_ from ACT_HI_VARINST
				where PROC_INST_ID_ = :id and EXECUTION_ID_ = :id and TASK_ID_ is null and NAME_ in (:names)
				""")
			.param("id", instance.id())
			.param("names", List.copyOf(RequestProjection.COLUMNS.keySet()))
			.query((rs) -> {
				values.add(new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3) });
			});
		for (Object[] value : values) {
			RequestProjection.Column column = RequestProjection.COLUMNS.get((String) value[0]);
			Long number = (value[2] != null) ? ((Number) value[2]).longValue() : null;
			this.jdbc.sql("update dashboard_request set " + column.name() + " = :value where process_instance_id = :id")
				.param("value", column.kind().value((String) value[1], number), column.kind().sqlType())
				.param("id", instance.id())
				.update();
		}
	}

	private String endEvent(Instance instance) {
		return this.jdbc.sql("""
				select ACT_ID_ from ACT_HI_ACTINST where PROC_INST_ID_ = :id and ACT_ID_ in (:ends)
				order by START_TIME_ desc
				""")
			.param("id", instance.id())
			.param("ends",
					List.of(ExtensionRequestProcess.END_GRANTED, ExtensionRequestProcess.END_REFUSED,
							ExtensionRequestProcess.END_WITHDRAWN))
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.orElse(instance.endActivityId());
	}

	private record Instance(String id, String businessKey, Timestamp started, Timestamp ended, String endActivityId) {

	}

}
