package org.isu.clearance.request;

import java.util.Locale;
import java.util.Map;

import org.isu.clearance.shared.FieldValidationException;

/**
 * What the request list shows: filters, sort and page. Built from query parameters, each
 * checked, so that a wrong value is a 400 naming the parameter.
 *
 * @param convention {@code CCM} or {@code APMBC}, or {@code null} for both
 * @param meeting a meeting code such as {@code 14MSP}
 * @param stage a stage id such as {@code Task_FinalReview}
 * @param overdueOnly only requests with an open task past its due date
 * @param status {@code open} (default), {@code closed} (granted, refused, withdrawn,
 * closed) or {@code all}
 * @param sort a key of {@link #SORTS}
 * @param descending sort order
 */
public record RequestFilter(String convention, String meeting, String stage, boolean overdueOnly, String status,
		String sort, boolean descending, int page, int size) {

	/** Sort keys and the SQL expressions they sort by (never user input). */
	static final Map<String, String> SORTS = Map.of("submissionDue", "r.submission_due", "meeting",
			"r.meeting_first_day", "state", "r.state_name", "convention", "r.convention", "submittedOn",
			"r.submitted_on", "businessKey", "r.business_key", "started", "r.started_at", "taskDue",
			EngineTables.FIRST_TASK_DUE);

	public static RequestFilter of(String convention, String meeting, String stage, Boolean overdueOnly, String status,
			String sort, String direction, Integer page, Integer size, int defaultPageSize, int maxPageSize) {
		String conventionValue = blankToNull(convention);
		if (conventionValue != null) {
			conventionValue = conventionValue.toUpperCase(Locale.ROOT);
			if (!conventionValue.equals("CCM") && !conventionValue.equals("APMBC")) {
				throw new FieldValidationException("convention", "must be CCM or APMBC");
			}
		}
		String meetingValue = blankToNull(meeting);
		if (meetingValue != null) {
			meetingValue = meetingValue.toUpperCase(Locale.ROOT);
			if (!meetingValue.matches("[A-Z0-9]{2,16}")) {
				throw new FieldValidationException("meeting", "must be a meeting code such as 14MSP");
			}
		}
		String stageValue = blankToNull(stage);
		if (stageValue != null && !Stages.isStage(stageValue)) {
			throw new FieldValidationException("stage", "must be one of " + String.join(", ", Stages.ids()));
		}
		String statusValue = (blankToNull(status) != null) ? status.strip().toLowerCase(Locale.ROOT) : "open";
		if (!statusValue.matches("open|closed|all")) {
			throw new FieldValidationException("status", "must be open, closed or all");
		}
		String sortValue = (blankToNull(sort) != null) ? sort.strip() : "submissionDue";
		if (!SORTS.containsKey(sortValue)) {
			throw new FieldValidationException("sort", "must be one of " + String.join(", ", SORTS.keySet()));
		}
		String directionValue = (blankToNull(direction) != null) ? direction.strip().toLowerCase(Locale.ROOT) : "asc";
		if (!directionValue.equals("asc") && !directionValue.equals("desc")) {
			throw new FieldValidationException("direction", "must be asc or desc");
		}
		int pageValue = (page != null) ? page : 0;
		if (pageValue < 0) {
			throw new FieldValidationException("page", "must be 0 or more");
		}
		int sizeValue = (size != null) ? size : defaultPageSize;
		if (sizeValue < 1 || sizeValue > maxPageSize) {
			throw new FieldValidationException("size", "must be between 1 and " + maxPageSize);
		}
		return new RequestFilter(conventionValue, meetingValue, stageValue, Boolean.TRUE.equals(overdueOnly),
				statusValue, sortValue, directionValue.equals("desc"), pageValue, sizeValue);
	}

	public RequestFilter withPage(int newPage, int newSize) {
		return new RequestFilter(this.convention, this.meeting, this.stage, this.overdueOnly, this.status, this.sort,
				this.descending, newPage, newSize);
	}

	public RequestFilter withStage(String newStage) {
		return new RequestFilter(this.convention, this.meeting, newStage, this.overdueOnly, this.status, this.sort,
				this.descending, this.page, this.size);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
