package org.isu.clearance.request;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export's rows ({@link RequestReadModel#forEach}) in chunks of a few rows, for
 * every sort and both directions: the same rows in the same order as one page of the list
 * holding them all. The rows tie on every sort column and on the business key, and some
 * have no value (nulls last), so that chunks end inside ties and before the nulls. Run on
 * H2 ({@code RequestListTests}) and on PostgreSQL (the PostgreSQL integration test).
 */
public final class RequestExportCheck {

	private static final String MEETING = "KS1";

	private static final int ROWS = 41;

	private RequestExportCheck() {
	}

	public static void exportMatchesTheList(ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		RequestReadModel readModel = context.getBean(RequestReadModel.class);
		insertRows(jdbc);
		try {
			for (String sort : RequestFilter.SORTS.keySet()) {
				for (String direction : List.of("asc", "desc")) {
					for (String status : List.of("all", "closed")) {
						RequestFilter filter = RequestFilter.of(null, MEETING, null, false, status, sort, direction, 0,
								500, 50, 500);
						List<String> listed = readModel.page(filter)
							.items()
							.stream()
							.map(RequestExportCheck::keyAndId)
							.toList();
						assertThat(listed).hasSize("all".equals(status) ? ROWS : ROWS - ROWS / 9 - 1);
						for (int chunkSize : List.of(1, 3, 7, 1000)) {
							List<String> exported = new ArrayList<>();
							List<Integer> sizes = new ArrayList<>();
							readModel.forEach(filter, chunkSize, (chunk) -> {
								sizes.add(chunk.size());
								chunk.forEach((row) -> exported.add(keyAndId(row)));
							});
							assertThat(exported)
								.as(sort + " " + direction + " " + status + " in chunks of " + chunkSize)
								.containsExactlyElementsOf(listed);
							assertThat(sizes).allSatisfy((size) -> assertThat(size).isBetween(1, chunkSize));
						}
					}
				}
			}
		}
		finally {
			jdbc.sql("delete from dashboard_request where meeting_code = ?").param(MEETING).update();
		}
	}

	private static String keyAndId(RequestSummary row) {
		return row.businessKey() + "/" + row.processInstanceId();
	}

	/**
	 * Finished requests of a meeting of their own, with ties and gaps in every sort
	 * column: every ninth open (no task: not a real request, the stages are empty).
	 */
	private static void insertRows(JdbcClient jdbc) {
		LocalDateTime start = LocalDateTime.parse("2020-03-01T09:00");
		for (int i = 0; i < ROWS; i++) {
			jdbc.sql("""
					insert into dashboard_request (process_instance_id, business_key, convention, state_code,
					  state_name, meeting_code, meeting_first_day, submission_due, submitted_on, status, decision,
					  late_submission, started_at, ended_at)
					values (:id, :key, :convention, 'KSX', :state, :meeting, :meetingDay, :due, :submitted, :status,
					  null, false, :started, null)
					""")
				.param("id", "keyset-" + (char) ('a' + i % 26) + i)
				.param("key", (i % 5 == 0) ? null : "CCM-KS" + (i % 7) + "-KS1")
				.param("convention", (i % 2 == 0) ? "CCM" : "APMBC")
				.param("state", (i % 6 == 0) ? null : "Keyset State " + (i % 4))
				.param("meeting", MEETING)
				.param("meetingDay", date((i % 8 == 0) ? null : LocalDate.of(2020, 9, 1 + i % 2)))
				.param("due", date((i % 4 == 0) ? null : LocalDate.of(2020, 1, 1 + i % 3)))
				.param("submitted", date((i % 3 == 0) ? null : LocalDate.of(2020, 2, 1 + i % 5)))
				.param("status", (i % 9 == 0) ? "open" : "granted")
				.param("started", Timestamp.valueOf(start.plusDays(i % 5)))
				.update();
		}
	}

	private static Date date(LocalDate day) {
		return (day != null) ? Date.valueOf(day) : null;
	}

}
