package org.isu.clearance.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.request.RequestSummary.StageView;

import org.isu.clearance.shared.EngineClock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request list, read with a fixed number of SQL queries per page whatever its size:
 * the page of {@code dashboard_request} rows, then the open tasks and current activities
 * of those rows from the engine's runtime tables in one query each. No engine service is
 * called per row. What it reads of the engine's tables, and the conditions on them its
 * queries use, are {@link EngineTables}'.
 */
@Service
public class RequestReadModel {

	private static final String COLUMNS = """
			r.business_key, r.process_instance_id, r.convention, r.state_code, r.state_name, r.meeting_code,
			r.meeting_first_day, r.submission_due, r.submitted_on, r.current_deadline, r.requested_deadline,
			r.late_submission, r.status, r.decision, r.started_at, r.ended_at""";

	/** From how many finished requests matching a filter their count is reused. */
	private static final long CLOSED_COUNT_REUSED_FROM = 10_000;

	/** How long such a count is reused. */
	private static final Duration CLOSED_COUNT_TTL = Duration.ofSeconds(60);

	/**
	 * How long the open requests per stage of a filter are reused while no request
	 * changes on this node ({@link RequestChanges}).
	 */
	private static final Duration STAGE_COUNTS_TTL = Duration.ofSeconds(5);

	/** Rows {@link #forEach} reads from the database and hands on at a time. */
	private static final int CHUNK = 1000;

	/**
	 * The sorts {@link #forEach} reads by keyset: those whose column
	 * ({@link RequestFilter#SORTS}) has an index in the list's order,
	 * {@code (column, business_key, process_instance_id)} (migration V63; the business
	 * key's own index for the business key).
	 */
	private static final Set<String> KEYSET_SORTS = Set.of("submissionDue", "meeting", "state", "started",
			"businessKey");

	private final JdbcClient jdbc;

	private final EngineTables engine;

	private final RequestChanges changes;

	/** Open requests per stage, per filter (see {@link #stageCounts}). */
	private final Map<String, StageCounts> stageCounts = new ConcurrentHashMap<>();

	/**
	 * Finished requests per convention and meeting filter, when many (see
	 * {@link #count}).
	 */
	private final Map<String, ClosedCount> closedCounts = new ConcurrentHashMap<>();

	/** The same database, read through a cursor {@link #CHUNK} rows at a time. */
	private final NamedParameterJdbcTemplate cursor;

	RequestReadModel(JdbcClient jdbc, DataSource dataSource, EngineTables engine, RequestChanges changes) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.changes = changes;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(CHUNK);
		this.cursor = new NamedParameterJdbcTemplate(template);
	}

	@Transactional(readOnly = true)
	public RequestPage page(RequestFilter filter) {
		Map<String, Long> stageCounts = stageCounts(filter);
		// with a stage, the filter matches the open requests its stage count counts
		long total = (filter.stage() != null) ? stageCounts.get(filter.stage()) : count(filter);
		return page(filter, total, stageCounts);
	}

	/**
	 * A page of the list without the open requests per stage (an empty map): the work
	 * plan's chart, which does not show them.
	 */
	@Transactional(readOnly = true)
	public RequestPage pageWithoutStageCounts(RequestFilter filter) {
		return page(filter, count(filter), Map.of());
	}

	private RequestPage page(RequestFilter filter, long total, Map<String, Long> stageCounts) {
		Where where = where(filter, true);
		List<Row> rows = where
			.bind(this.jdbc.sql("select " + COLUMNS + " from dashboard_request r" + where.sql() + " order by "
					+ order(filter) + " offset :offset rows fetch next :size rows only"))
			.param("offset", (long) filter.page() * filter.size())
			.param("size", filter.size())
			.query(RequestReadModel::row)
			.list();
		return new RequestPage(summaries(rows), filter.page(), filter.size(), total,
				(int) ((total + filter.size() - 1) / filter.size()), stageCounts);
	}

	/**
	 * How many requests the filter matches: the open ones counted each time (a few
	 * thousand index entries at most), the finished ones too while they are fewer than
	 * {@link #CLOSED_COUNT_REUSED_FROM}; beyond that their count is reused for
	 * {@link #CLOSED_COUNT_TTL} (counting a million index entries costs more than the
	 * page; the number changes only when a request ends).
	 */
	private long count(RequestFilter filter) {
		boolean openOnly = "open".equals(filter.status()) || filter.stage() != null || filter.overdueOnly();
		long open = "closed".equals(filter.status()) && !openOnly ? 0
				: countWhere(where(withStatus(filter, openOnly ? filter.status() : "open"), true));
		if (openOnly) {
			return open;
		}
		String key = filter.convention() + "|" + filter.meeting();
		long now = System.nanoTime();
		ClosedCount cached = this.closedCounts.get(key);
		if (cached != null && cached.count() >= CLOSED_COUNT_REUSED_FROM
				&& now - cached.countedAt() < CLOSED_COUNT_TTL.toNanos()) {
			return open + cached.count();
		}
		long closed = countWhere(where(withStatus(filter, "closed"), false));
		this.closedCounts.put(key, new ClosedCount(closed, now));
		return open + closed;
	}

	private long countWhere(Where where) {
		return where.bind(this.jdbc.sql("select count(*) from dashboard_request r" + where.sql()))
			.query(Long.class)
			.single();
	}

	private static RequestFilter withStatus(RequestFilter filter, String status) {
		return new RequestFilter(filter.convention(), filter.meeting(), filter.stage(), filter.overdueOnly(), status,
				filter.sort(), filter.descending(), filter.page(), filter.size());
	}

	/**
	 * Every request the filter matches, whatever its page and however many, in the
	 * filter's order, handed to {@code chunks} {@link #CHUNK} at a time with their
	 * stages, so that memory holds one chunk whatever the number of rows (the CSV
	 * export). Sorted by a column that has an index in the list's order
	 * ({@link #KEYSET_SORTS}), each chunk is read by its own query that continues after
	 * the last row of the one before (keyset: the rows come in the index's order, so the
	 * first chunk needs no sort of every matching row and is there at once); otherwise
	 * through one database cursor over the sorted result. One transaction at
	 * {@code REPEATABLE_READ}, so the chunks see one snapshot; it (and its connection)
	 * lasts until the last chunk is consumed.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void forEach(RequestFilter filter, Consumer<List<RequestSummary>> chunks) {
		forEach(filter, CHUNK, chunks);
	}

	/**
	 * {@link #forEach(RequestFilter, Consumer)} in chunks of a given size (the tests
	 * cross chunk boundaries with a few rows).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	void forEach(RequestFilter filter, int chunkSize, Consumer<List<RequestSummary>> chunks) {
		if (KEYSET_SORTS.contains(filter.sort())) {
			forEachByKeyset(filter, RequestFilter.SORTS.get(filter.sort()), chunkSize, chunks);
			return;
		}
		Where where = where(filter, true);
		List<Row> chunk = new ArrayList<>(chunkSize);
		this.cursor.query(
				"select " + COLUMNS + " from dashboard_request r" + where.sql() + " order by " + order(filter),
				where.params(), (ResultSet rs) -> {
					chunk.add(row(rs, chunk.size()));
					if (chunk.size() == chunkSize) {
						chunks.accept(summaries(chunk));
						chunk.clear();
					}
				});
		if (!chunk.isEmpty()) {
			chunks.accept(summaries(chunk));
		}
	}

	/**
	 * The chunks of {@link #forEach} by keyset on {@code (key, business_key,
	 * process_instance_id)}, in the list's order (the key ascending or descending, nulls
	 * last, then the business key (nulls last) and the id): after a chunk's last row, the
	 * rows that follow it are, in this order, those with its key and business key and a
	 * greater id, or its key and a greater business key (one row comparison), those with
	 * its key and no business key, those with a key after it, and those without a key;
	 * each is one query that an index on {@code (key, business_key,
	 * process_instance_id)} answers in order, run while the chunk is not full.
	 */
	private void forEachByKeyset(RequestFilter filter, String key, int chunkSize,
			Consumer<List<RequestSummary>> chunks) {
		Where where = where(filter, true);
		String select = "select " + COLUMNS + ", " + key + " as sort_key from dashboard_request r" + where.sql()
				+ (where.sql().isEmpty() ? " where " : " and ");
		// a continuation's rows share the key, or have one: the null's place need not be
		// named (which lets a descending read walk the index backwards)
		String tie = " order by r.business_key asc nulls last, r.process_instance_id asc";
		String byKey = " order by " + key + (filter.descending() ? " desc" : " asc")
				+ ", r.business_key asc nulls last, r.process_instance_id asc";
		String after = filter.descending() ? " < " : " > ";
		Keyset last = null;
		while (true) {
			Map<String, String> continuations = new LinkedHashMap<>();
			Map<String, Object> params = new HashMap<>(where.params());
			if (last == null) {
				continuations.put(key + " is not null", byKey);
				continuations.put(key + " is null", tie);
			}
			else {
				String sameKey = (last.key() != null) ? key + " = :lastKey" : key + " is null";
				params.put("lastKey", last.key());
				params.put("lastBusinessKey", last.businessKey());
				params.put("lastId", last.id());
				if (last.businessKey() != null) {
					continuations.put(
							sameKey + " and (r.business_key, r.process_instance_id) > (:lastBusinessKey, :lastId)",
							tie);
					continuations.put(sameKey + " and r.business_key is null", tie);
				}
				else {
					continuations.put(sameKey + " and r.business_key is null and r.process_instance_id > :lastId", tie);
				}
				if (last.key() != null) {
					continuations.put(key + after + ":lastKey", byKey);
					continuations.put(key + " is null", tie);
				}
			}
			List<Row> chunk = new ArrayList<>(chunkSize);
			Object[] lastKey = new Object[1];
			for (Map.Entry<String, String> continuation : continuations.entrySet()) {
				params.put("chunk", chunkSize - chunk.size());
				this.jdbc
					.sql(select + continuation.getKey() + continuation.getValue() + " fetch first :chunk rows only")
					.params(params)
					.query((ResultSet rs) -> {
						chunk.add(row(rs, chunk.size()));
						lastKey[0] = rs.getObject("sort_key");
					});
				if (chunk.size() == chunkSize) {
					break;
				}
			}
			if (chunk.isEmpty()) {
				return;
			}
			chunks.accept(summaries(chunk));
			if (chunk.size() < chunkSize) {
				return;
			}
			Row end = chunk.get(chunk.size() - 1);
			last = new Keyset(lastKey[0], end.businessKey(), end.id());
		}
	}

	private static String order(RequestFilter filter) {
		// started_at is never null: no "nulls last", so that its index serves both
		// directions
		String nulls = "started".equals(filter.sort()) ? "" : " nulls last";
		return RequestFilter.SORTS.get(filter.sort()) + (filter.descending() ? " desc" : " asc") + nulls
				+ ", r.business_key asc nulls last, r.process_instance_id asc";
	}

	/**
	 * How many open requests (matching the filter, whatever its stage) stand in each
	 * stage, in the order of the process. Every list page shows them, and they read the
	 * engine's executions of every open request: the counts of a filter are reused for
	 * {@link #STAGE_COUNTS_TTL} while no request changes on this node (a change commits,
	 * the next page counts again) and the engine's clock is not moved (the overdue
	 * filter); another node's changes show within that time.
	 */
	Map<String, Long> stageCounts(RequestFilter filter) {
		String key = filter.convention() + "|" + filter.meeting() + "|" + filter.status() + "|" + filter.overdueOnly();
		long generation = this.changes.generation();
		long now = System.nanoTime();
		long clockOffset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
		StageCounts cached = this.stageCounts.get(key);
		if (cached != null && cached.generation() == generation && now - cached.countedAt() < STAGE_COUNTS_TTL.toNanos()
				&& Math.abs(clockOffset - cached.clockOffset()) < 1000) {
			return cached.counts();
		}
		Map<String, Long> counts = Collections.unmodifiableMap(countStages(filter));
		this.stageCounts.put(key, new StageCounts(counts, generation, now, clockOffset));
		return counts;
	}

	private Map<String, Long> countStages(RequestFilter filter) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Stages.ids().forEach((id) -> counts.put(id, 0L));
		boolean statusOnly = filter.convention() == null && filter.meeting() == null && !filter.overdueOnly();
		if (statusOnly && "closed".equals(filter.status())) {
			// only an open request stands in a stage
			return counts;
		}
		if (statusOnly) {
			// every open request: the running requests, counted without the read model
			// (the projection opens and closes a row in the transaction that starts and
			// ends its request)
			counts.putAll(this.engine.runningInstancesPerActivity(ExtensionRequestProcess.PROCESS_KEY, Stages.ids()));
			return counts;
		}
		Where where = where(filter.withStage(null), false);
		counts.putAll(this.engine.openRequestsPerStage(where.sql(), where.params(), Stages.ids()));
		return counts;
	}

	@Transactional(readOnly = true)
	public Optional<RequestSummary> find(String businessKey) {
		List<Row> rows = this.jdbc
			.sql("select " + COLUMNS + " from dashboard_request r where r.business_key = :key"
					+ " order by r.started_at desc fetch first 1 rows only")
			.param("key", businessKey)
			.query(RequestReadModel::row)
			.list();
		return summaries(rows).stream().findFirst();
	}

	/**
	 * Every open request, by business key, with its stages and their due dates: what the
	 * digests and the work plan read instead of the engine.
	 */
	@Transactional(readOnly = true)
	public List<RequestSummary> open() {
		return summaries(this.jdbc
			.sql("select " + COLUMNS + " from dashboard_request r where r.status = 'open'"
					+ " order by r.business_key, r.process_instance_id")
			.query(RequestReadModel::row)
			.list());
	}

	/**
	 * The latest request of every State Party with one of the given codes, keyed
	 * {@code CONVENTION-CODE}: one query (index probes per code, whatever the number of
	 * finished requests), plus the stages of the open ones.
	 */
	@Transactional(readOnly = true)
	public Map<String, RequestSummary> latestPerState(Collection<String> stateCodes) {
		if (stateCodes.isEmpty()) {
			return Map.of();
		}
		List<Row> rows = this.jdbc
			.sql("select " + COLUMNS
					+ """
							 from dashboard_request r
							join (select r2.state_code, r2.convention, max(r2.started_at) as started from dashboard_request r2
							  where r2.state_code in (:codes) group by r2.state_code, r2.convention) latest
							  on latest.state_code = r.state_code and latest.convention = r.convention and latest.started = r.started_at
							""")
			.param("codes", List.copyOf(new java.util.TreeSet<>(stateCodes)))
			.query(RequestReadModel::row)
			.list();
		Map<String, RequestSummary> latest = new HashMap<>();
		summaries(rows).forEach((summary) -> latest.put(summary.convention() + "-" + summary.stateCode(), summary));
		return latest;
	}

	private List<RequestSummary> summaries(List<Row> rows) {
		List<String> open = rows.stream().filter((row) -> "open".equals(row.status())).map(Row::id).toList();
		Map<String, List<StageView>> stages = open.isEmpty() ? Map.of() : stages(open);
		LocalDate today = today();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		return rows.stream().map((row) -> {
			List<StageView> rowStages = stages.getOrDefault(row.id(), List.of());
			return new RequestSummary(row.businessKey(), row.id(), row.convention(), row.stateCode(), row.stateName(),
					row.meetingCode(), row.meetingFirstDay(), row.submissionDue(), row.submittedOn(),
					row.currentDeadline(), row.requestedDeadline(), row.late(), row.status(), row.decision(),
					row.started(), row.ended(), rowStages, days(today, row.submissionDue()),
					days(today, row.meetingFirstDay()),
					rowStages.stream().anyMatch((stage) -> stage.due() != null && stage.due().isBefore(now)));
		}).toList();
	}

	/**
	 * The stages of the given open requests: one query for their open tasks, one for
	 * their current activities (the wait for the meeting and letters have no task).
	 */
	private Map<String, List<StageView>> stages(List<String> processInstanceIds) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Map<String, Map<String, List<TaskRow>>> tasks = new HashMap<>();
		for (EngineTables.OpenTask task : this.engine.openTasks(processInstanceIds)) {
			tasks.computeIfAbsent(task.processInstanceId(), (id) -> new LinkedHashMap<>())
				.computeIfAbsent(task.definitionKey(), (key) -> new ArrayList<>())
				.add(new TaskRow(task.id(), task.assignee(), task.due(), task.candidateGroup()));
		}
		Map<String, List<String>> activities = new HashMap<>();
		this.engine.currentActivities(processInstanceIds, Stages.ids(),
				(id, activity) -> activities.computeIfAbsent(id, (key) -> new ArrayList<>()).add(activity));
		Map<String, List<StageView>> result = new HashMap<>();
		for (String id : processInstanceIds) {
			Map<String, List<TaskRow>> byKey = tasks.getOrDefault(id, Map.of());
			List<String> keys = new ArrayList<>(activities.getOrDefault(id, List.of()));
			byKey.keySet().stream().filter((key) -> !keys.contains(key)).forEach(keys::add);
			keys.sort(Comparator.comparingInt(Stages::order));
			result.put(id, keys.stream().map((key) -> stage(key, byKey.getOrDefault(key, List.of()), now)).toList());
		}
		return result;
	}

	private static StageView stage(String activityId, List<TaskRow> tasks, Instant now) {
		if (tasks.isEmpty()) {
			return new StageView(activityId, Stages.name(activityId), null, null, null, null, false, 0);
		}
		TaskRow first = tasks.get(0);
		List<String> assignees = tasks.stream()
			.map(TaskRow::assignee)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		Instant due = tasks.stream()
			.map(TaskRow::due)
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		return new StageView(activityId, Stages.name(activityId), first.id(),
				assignees.isEmpty() ? null : String.join(", ", assignees), first.group(), due,
				due != null && due.isBefore(now), tasks.size());
	}

	private Where where(RequestFilter filter, boolean withStage) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.convention() != null) {
			conditions.add("r.convention = :convention");
			params.put("convention", filter.convention());
		}
		if (filter.meeting() != null) {
			conditions.add("r.meeting_code = :meeting");
			params.put("meeting", filter.meeting());
		}
		switch (filter.status()) {
			case "open" -> conditions.add("r.status = 'open'");
			case "closed" -> conditions.add("r.status <> 'open'");
			default -> {
			}
		}
		if ((filter.stage() != null || filter.overdueOnly()) && !"open".equals(filter.status())) {
			// only an open request stands in a stage or has an open task: the closed rows
			// need not be looked at one by one
			conditions.add("r.status = 'open'");
		}
		if (withStage && filter.stage() != null) {
			conditions.add(EngineTables.IN_STAGE);
			params.put("stage", filter.stage());
		}
		if (filter.overdueOnly()) {
			conditions.add(EngineTables.OVERDUE);
		}
		if (filter.overdueOnly() || "taskDue".equals(filter.sort())) {
			params.put("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
		}
		return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	public static LocalDate today() {
		return EngineClock.today();
	}

	private static Long days(LocalDate today, LocalDate date) {
		return (date != null) ? ChronoUnit.DAYS.between(today, date) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("convention"),
				rs.getString("state_code"), rs.getString("state_name"), rs.getString("meeting_code"),
				date(rs, "meeting_first_day"), date(rs, "submission_due"), date(rs, "submitted_on"),
				date(rs, "current_deadline"), date(rs, "requested_deadline"), rs.getBoolean("late_submission"),
				rs.getString("status"), rs.getString("decision"), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("ended_at")));
	}

	private record Row(String businessKey, String id, String convention, String stateCode, String stateName,
			String meetingCode, LocalDate meetingFirstDay, LocalDate submissionDue, LocalDate submittedOn,
			LocalDate currentDeadline, LocalDate requestedDeadline, boolean late, String status, String decision,
			Instant started, Instant ended) {

	}

	/**
	 * Where a chunk of {@link #forEachByKeyset} ended: the last row's sort key, business
	 * key and id.
	 */
	private record Keyset(Object key, String businessKey, String id) {

	}

	private record StageCounts(Map<String, Long> counts, long generation, long countedAt, long clockOffset) {

	}

	private record ClosedCount(long count, long countedAt) {

	}

	private record TaskRow(String id, String assignee, Instant due, String group) {

	}

	private record Where(String sql, Map<String, Object> params) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.params(this.params);
		}

	}

	/**
	 * One page of the request list.
	 *
	 * @param stageCounts open requests per stage (whatever the stage filter), in process
	 * order
	 */
	public record RequestPage(List<RequestSummary> items, int page, int size, long totalItems, int totalPages,
			Map<String, Long> stageCounts) {

	}

}
