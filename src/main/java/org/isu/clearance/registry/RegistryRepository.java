package org.isu.clearance.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the registry tables.
 */
@Repository
class RegistryRepository {

	private static final String STATE_COLUMNS = "id, convention, code, name, entry_into_force, clearance_deadline, "
			+ "focal_point_email, preferred_language, notes";

	private static final String MEETING_COLUMNS = "convention, code, kind, first_day, last_day, venue, provisional";

	private final JdbcClient jdbc;

	RegistryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StateParty> findStates(Convention convention) {
		List<Row> rows = this.jdbc
			.sql("select " + STATE_COLUMNS + " from registry_state_party"
					+ " where (:convention is null or convention = :convention) order by convention, name")
			.param("convention", (convention != null) ? convention.name() : null, java.sql.Types.VARCHAR)
			.query(RegistryRepository::stateRow)
			.list();
		Map<Long, List<Extension>> extensions = findExtensions(rows.stream().map(Row::id).toList());
		return rows.stream().map((row) -> row.toState(extensions.getOrDefault(row.id(), List.of()))).toList();
	}

	Optional<StateParty> findState(Convention convention, String code) {
		return findRow(convention, code)
			.map((row) -> row.toState(findExtensions(List.of(row.id())).getOrDefault(row.id(), List.of())));
	}

	Optional<LocalDate> findDeadline(Convention convention, String code) {
		return this.jdbc.sql("select clearance_deadline from registry_state_party where convention = ? and code = ?")
			.params(convention.name(), code)
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	Optional<Long> findStateId(Convention convention, String code) {
		return findRow(convention, code).map(Row::id);
	}

	private Optional<Row> findRow(Convention convention, String code) {
		return this.jdbc.sql("select " + STATE_COLUMNS + " from registry_state_party where convention = ? and code = ?")
			.params(convention.name(), code)
			.query(RegistryRepository::stateRow)
			.optional();
	}

	void insertState(StatePartyInput input) {
		this.jdbc
			.sql("insert into registry_state_party (convention, code, name, entry_into_force, clearance_deadline,"
					+ " focal_point_email, preferred_language, notes) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(input.convention().name(), input.code(), input.name(), input.entryIntoForce(),
					input.clearanceDeadline(), input.focalPointEmail(), input.preferredLanguage().name(), input.notes())
			.update();
	}

	void updateState(StatePartyInput input) {
		this.jdbc
			.sql("update registry_state_party set name = ?, entry_into_force = ?, clearance_deadline = ?,"
					+ " focal_point_email = ?, preferred_language = ?, notes = ? where convention = ? and code = ?")
			.params(input.name(), input.entryIntoForce(), input.clearanceDeadline(), input.focalPointEmail(),
					input.preferredLanguage().name(), input.notes(), input.convention().name(), input.code())
			.update();
	}

	void updateDeadline(long stateId, LocalDate deadline) {
		this.jdbc.sql("update registry_state_party set clearance_deadline = ? where id = ?")
			.params(deadline, stateId)
			.update();
	}

	void insertExtension(long stateId, Extension extension) {
		this.jdbc
			.sql("insert into registry_extension (state_party_id, previous_deadline, new_deadline, meeting_code,"
					+ " decision, decided_on, reference, notes) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(stateId, extension.previousDeadline(), extension.newDeadline(), extension.meetingCode(),
					extension.decision(), extension.decidedOn(), extension.reference(), extension.notes())
			.update();
	}

	private Map<Long, List<Extension>> findExtensions(List<Long> stateIds) {
		Map<Long, List<Extension>> result = new LinkedHashMap<>();
		if (stateIds.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("select state_party_id, previous_deadline, new_deadline, meeting_code, decision, decided_on,"
					+ " reference, notes from registry_extension where state_party_id in (:ids)"
					+ " order by new_deadline, id")
			.param("ids", stateIds)
			.query((rs) -> {
				result.computeIfAbsent(rs.getLong("state_party_id"), (id) -> new ArrayList<>())
					.add(new Extension(date(rs, "previous_deadline"), date(rs, "new_deadline"),
							rs.getString("meeting_code"), rs.getString("decision"), date(rs, "decided_on"),
							rs.getString("reference"), rs.getString("notes")));
			});
		return result;
	}

	void upsertArticle7(long stateId, int year, Article7ReportInput input) {
		int updated = this.jdbc
			.sql("update registry_article7_report set report_received = ?, reports_lap_indicators = ?,"
					+ " country_coalition = ? where state_party_id = ? and reporting_year = ?")
			.params(input.reportReceived(), input.reportsLapIndicators(), input.countryCoalition(), stateId, year)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into registry_article7_report (state_party_id, reporting_year, report_received,"
						+ " reports_lap_indicators, country_coalition) values (?, ?, ?, ?, ?)")
				.params(stateId, year, input.reportReceived(), input.reportsLapIndicators(), input.countryCoalition())
				.update();
		}
	}

	List<Article7Report> findArticle7(Convention convention, String code, Integer year) {
		return this.jdbc
			.sql("select s.convention, s.code, r.reporting_year, r.report_received, r.reports_lap_indicators,"
					+ " r.country_coalition from registry_article7_report r"
					+ " join registry_state_party s on s.id = r.state_party_id"
					+ " where (:convention is null or s.convention = :convention) and (:code is null or s.code = :code)"
					+ " and (:year is null or r.reporting_year = :year) order by s.convention, s.code, r.reporting_year")
			.param("convention", (convention != null) ? convention.name() : null, java.sql.Types.VARCHAR)
			.param("code", code, java.sql.Types.VARCHAR)
			.param("year", year, java.sql.Types.INTEGER)
			.query((rs, n) -> new Article7Report(Convention.valueOf(rs.getString("convention")), rs.getString("code"),
					rs.getInt("reporting_year"), rs.getBoolean("report_received"),
					rs.getBoolean("reports_lap_indicators"), rs.getBoolean("country_coalition")))
			.list();
	}

	List<Meeting> findMeetings(Convention convention) {
		return this.jdbc
			.sql("select " + MEETING_COLUMNS + " from registry_meeting"
					+ " where (:convention is null or convention = :convention) order by convention, first_day")
			.param("convention", (convention != null) ? convention.name() : null, java.sql.Types.VARCHAR)
			.query(RegistryRepository::meetingRow)
			.list();
	}

	Optional<Meeting> findMeeting(Convention convention, String code) {
		return this.jdbc.sql("select " + MEETING_COLUMNS + " from registry_meeting where convention = ? and code = ?")
			.params(convention.name(), code)
			.query(RegistryRepository::meetingRow)
			.optional();
	}

	void insertMeeting(MeetingInput input) {
		this.jdbc
			.sql("insert into registry_meeting (convention, code, kind, first_day, last_day, venue, provisional)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(input.convention().name(), input.code(), input.kind().name(), input.firstDay(), input.lastDay(),
					input.venue(), input.provisional())
			.update();
	}

	void updateMeeting(MeetingInput input) {
		this.jdbc
			.sql("update registry_meeting set kind = ?, first_day = ?, last_day = ?, venue = ?, provisional = ?"
					+ " where convention = ? and code = ?")
			.params(input.kind().name(), input.firstDay(), input.lastDay(), input.venue(), input.provisional(),
					input.convention().name(), input.code())
			.update();
	}

	private static Row stateRow(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), Convention.valueOf(rs.getString("convention")), rs.getString("code"),
				rs.getString("name"), date(rs, "entry_into_force"), date(rs, "clearance_deadline"),
				rs.getString("focal_point_email"), Language.valueOf(rs.getString("preferred_language")),
				rs.getString("notes"));
	}

	private static Meeting meetingRow(ResultSet rs, int rowNum) throws SQLException {
		return new Meeting(Convention.valueOf(rs.getString("convention")), rs.getString("code"),
				MeetingKind.valueOf(rs.getString("kind")), date(rs, "first_day"), date(rs, "last_day"),
				rs.getString("venue"), rs.getBoolean("provisional"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private record Row(long id, Convention convention, String code, String name, LocalDate entryIntoForce,
			LocalDate clearanceDeadline, String focalPointEmail, Language language, String notes) {

		StateParty toState(List<Extension> extensions) {
			return new StateParty(this.convention, this.code, this.name, this.entryIntoForce, this.clearanceDeadline,
					this.focalPointEmail, this.language, this.notes, List.copyOf(extensions));
		}

	}

}
