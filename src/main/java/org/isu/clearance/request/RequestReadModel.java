package org.isu.clearance.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.request.RequestSummary.StageView;

import org.isu.clearance.shared.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request list, read with a fixed number of SQL queries per page whatever its size:
 * the page of {@code dashboard_request} rows, then the open tasks and current activities
 * of those rows from the engine's runtime tables in one query each. No engine service is
 * called per row.
 */
@Service
public class RequestReadModel {

	private static final String COLUMNS = """
			r.business_key, r.process_instance_id, r.convention, r.state_code, r.state_name, r.meeting_code,
			r.meeting_first_day, r.submission_due, r.submitted_on, r.current_deadline, r.requested_deadline,
			r.late_submission, r.status, r.decision, r.started_at, r.ended_at""";

	private static final String OVERDUE = """
			exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = r.process_instance_id and t.DUE_DATE_ < :now)""";

	private final JdbcClient jdbc;

	RequestReadModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public RequestPage page(RequestFilter filter) {
		Where where = where(filter, true);
		long total = where.bind(this.jdbc.sql("select count(*) from dashboard_request r" + where.sql()))
			.query(Long.class)
			.single();
		String order = RequestFilter.SORTS.get(filter.sort()) + (filter.descending() ? " desc" : " asc")
				+ " nulls last, r.business_key asc, r.process_instance_id asc";
		List<Row> rows = where
			.bind(this.jdbc.sql("select " + COLUMNS + " from dashboard_request r" + where.sql() + " order by " + order
					+ " offset :offset rows fetch next :size rows only"))
			.param("offset", (long) filter.page() * filter.size())
			.param("size", filter.size())
			.query(RequestReadModel::row)
			.list();
		return new RequestPage(summaries(rows), filter.page(), filter.size(), total,
				(int) ((total + filter.size() - 1) / filter.size()), stageCounts(filter));
	}

	/**
	 * How many open requests (matching the filter, whatever its stage) stand in each
	 * stage, in the order of the process.
	 */
	Map<String, Long> stageCounts(RequestFilter filter) {
		Where where = where(filter.withStage(null), false);
		Map<String, Long> counts = new LinkedHashMap<>();
		Stages.ids().forEach((id) -> counts.put(id, 0L));
		where.bind(this.jdbc.sql("""
				select e.ACT_ID_, count(distinct e.PROC_INST_ID_)
				from ACT_RU_EXECUTION e join dashboard_request r on r.process_instance_id = e.PROC_INST_ID_
				""" + where.sql() + (where.sql().isEmpty() ? " where" : " and") + """
				 e.ACT_ID_ in (:stages) and r.status = 'open' group by e.ACT_ID_
				""")).param("stages", Stages.ids()).query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
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
	 * The open requests towards one meeting, by State: what the work plan shows.
	 */
	@Transactional(readOnly = true)
	public List<RequestSummary> openFor(String convention, String meetingCode) {
		return page(
				new RequestFilter(convention, meetingCode, null, false, "open", "state", false, 0, Integer.MAX_VALUE))
			.items();
	}

	/**
	 * The latest request of every State Party, keyed {@code CONVENTION-CODE}: one query,
	 * plus the stages of the open ones.
	 */
	@Transactional(readOnly = true)
	public Map<String, RequestSummary> latestPerState() {
		List<Row> rows = this.jdbc.sql("select " + COLUMNS + """
				 from dashboard_request r
				where r.state_code is not null and r.started_at = (select max(r2.started_at) from dashboard_request r2
				  where r2.convention = r.convention and r2.state_code = r.state_code)
				""").query(RequestReadModel::row).list();
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
		this.jdbc
			.sql("""
					select t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.ID_, t.ASSIGNEE_, t.DUE_DATE_,
					  (select min(l.GROUP_ID_) from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate')
					from ACT_RU_TASK t where t.PROC_INST_ID_ in (:ids)
					order by t.DUE_DATE_, t.ID_
					""")
			.param("ids", processInstanceIds)
			.query((rs) -> {
				tasks.computeIfAbsent(rs.getString(1), (id) -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getString(2), (key) -> new ArrayList<>())
					.add(new TaskRow(rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(6)));
			});
		Map<String, List<String>> activities = new HashMap<>();
		this.jdbc.sql("""
				select distinct e.PROC_INST_ID_, e.ACT_ID_ from ACT_RU_EXECUTION e
				where e.PROC_INST_ID_ in (:ids) and e.ACT_ID_ in (:stages)
				""").param("ids", processInstanceIds).param("stages", Stages.ids()).query((rs) -> {
			activities.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>()).add(rs.getString(2));
		});
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
		if (withStage && filter.stage() != null) {
			conditions.add("exists (select 1 from ACT_RU_EXECUTION e2 where e2.PROC_INST_ID_ = r.process_instance_id"
					+ " and e2.ACT_ID_ = :stage)");
			params.put("stage", filter.stage());
		}
		if (filter.overdueOnly()) {
			conditions.add(OVERDUE);
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
