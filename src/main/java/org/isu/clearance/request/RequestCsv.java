package org.isu.clearance.request;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.isu.clearance.request.RequestSummary.StageView;

/**
 * The request list as CSV (RFC 4180, UTF-8, one header line), written a chunk of rows at
 * a time. Cells that a spreadsheet would run as a formula are prefixed with an
 * apostrophe.
 */
final class RequestCsv {

	static final List<String> HEADER = List.of("businessKey", "convention", "stateCode", "state", "meeting",
			"meetingFirstDay", "status", "stages", "assignees", "candidateGroups", "taskDue", "submittedOn",
			"submissionDue", "daysToSubmissionDue", "daysToMeeting", "lateSubmission", "overdue");

	private static final DateTimeFormatter DUE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private RequestCsv() {
	}

	static void header(Appendable csv) throws IOException {
		line(csv, HEADER);
	}

	static void write(Appendable csv, List<RequestSummary> rows) throws IOException {
		for (RequestSummary row : rows) {
			List<StageView> stages = row.stages();
			line(csv,
					Stream
						.of(row.businessKey(), row.convention(), row.stateCode(), row.stateName(), row.meetingCode(),
								row.meetingFirstDay(), row.status(), join(stages.stream().map(StageView::name)),
								join(stages.stream().map(StageView::assignee)),
								join(stages.stream().map(StageView::candidateGroup)),
								join(stages.stream()
									.map(StageView::due)
									.filter(Objects::nonNull)
									.map((due) -> DUE.format(due.atZone(ZoneId.systemDefault()).toLocalDateTime()))),
								row.submittedOn(), row.submissionDue(), row.daysToSubmissionDue(), row.daysToMeeting(),
								row.lateSubmission(), row.overdue())
						.map((value) -> (value != null) ? value.toString() : "")
						.toList());
		}
	}

	private static String join(Stream<String> values) {
		return values.filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
	}

	private static void line(Appendable csv, List<String> cells) throws IOException {
		csv.append(cells.stream().map(RequestCsv::cell).collect(Collectors.joining(","))).append("\r\n");
	}

	static String cell(String value) {
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
