package org.isu.clearance.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.calendar.DeadlinePlan;
import org.isu.clearance.shared.GanttChart;
import org.isu.clearance.shared.GanttChart.Bar;
import org.isu.clearance.shared.GanttChart.Marker;
import org.isu.clearance.shared.GanttChart.Row;
import org.isu.clearance.request.RequestDetails.Details;
import org.isu.clearance.request.RequestDetails.HistoryEntry;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * The timeline of one request: for each stage the period the deadline calendar plans
 * (upper bar) against when its tasks were actually open (lower bar, from history).
 */
@Component
class RequestTimeline {

	private final DeadlineCalendar calendar;

	private final Registry registry;

	RequestTimeline(DeadlineCalendar calendar, Registry registry) {
		this.calendar = calendar;
		this.registry = registry;
	}

	GanttChart chart(Details details, Function<String, String> labels, Locale locale) {
		RequestSummary request = details.request();
		LocalDate today = RequestReadModel.today();
		Optional<DeadlinePlan> plan = plan(details);
		LocalDate submitted = request.submittedOn();
		List<Row> rows = new ArrayList<>();
		String planned = labels.apply("timeline.planned");
		String actual = labels.apply("timeline.actual");
		rows.add(new Row(labels.apply("stage.Submission"),
				plan.map((p) -> List.of(new Bar(p.deadlineWatch(), p.submissionDue(), 0, "planned", planned)))
					.orElse(List.of()),
				(submitted != null) ? List.of(new Marker(submitted, "actual", actual + " " + submitted)) : List.of()));
		LocalDate intakeDue = (submitted != null) ? this.calendar.intakeDue(submitted) : null;
		LocalDate reviewDue = plan
			.map((p) -> (submitted != null) ? this.calendar.preliminaryReviewDue(p, submitted) : p.preliminaryReview())
			.orElse(null);
		addStage(rows, ExtensionRequestProcess.TASK_CHECK_COMPLETENESS, submitted, intakeDue, details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_PRELIMINARY_REVIEW, intakeDue, reviewDue, details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_RECORD_STATE_RESPONSE, reviewDue,
				plan.map(DeadlinePlan::stateResponse).orElse(null), details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_FINAL_REVIEW, plan.map(DeadlinePlan::stateResponse).orElse(null),
				plan.map(DeadlinePlan::finalReview).orElse(null), details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_ENDORSE_ANALYSIS, plan.map(DeadlinePlan::finalReview).orElse(null),
				plan.map(DeadlinePlan::endorsement).orElse(null), details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION,
				plan.map(DeadlinePlan::endorsement).orElse(null), plan.map(DeadlinePlan::translation).orElse(null),
				details, labels, today);
		addStage(rows, ExtensionRequestProcess.TASK_PREPARE_PRESENTATION,
				plan.map(DeadlinePlan::translation).orElse(null), plan.map(DeadlinePlan::presentation).orElse(null),
				details, labels, today);
		plan.ifPresent((p) -> rows.add(new Row(labels.apply("stage.Meeting"),
				List.of(new Bar(p.meeting().firstDay(), p.meeting().lastDay(), 0, "planned", p.meeting().code())),
				List.of())));
		addStage(rows, ExtensionRequestProcess.TASK_RECORD_DECISION,
				plan.map((p) -> p.meeting().lastDay()).orElse(null),
				plan.map(DeadlinePlan::decisionRecorded).orElse(null), details, labels, today);
		return new GanttChart(rows, today, locale);
	}

	private void addStage(List<Row> rows, String taskKey, LocalDate plannedStart, LocalDate plannedEnd, Details details,
			Function<String, String> labels, LocalDate today) {
		List<Bar> bars = new ArrayList<>();
		if (plannedStart != null && plannedEnd != null) {
			LocalDate start = plannedStart.isAfter(plannedEnd) ? plannedEnd : plannedStart;
			bars.add(new Bar(start, plannedEnd, 0, "planned", labels.apply("timeline.planned") + " → " + plannedEnd));
		}
		List<HistoryEntry> entries = details.history()
			.stream()
			.filter((entry) -> taskKey.equals(entry.activityId()))
			.toList();
		for (HistoryEntry entry : entries) {
			LocalDate start = date(entry.started());
			LocalDate end = (entry.completed() != null) ? date(entry.completed()) : today;
			boolean open = entry.completed() == null;
			bars.add(new Bar(start, end.isBefore(start) ? start : end, 1, open ? "actual open" : "actual",
					labels.apply("timeline.actual") + " " + start + " → " + (open ? "…" : end)
							+ ((entry.assignee() != null) ? " (" + entry.assignee() + ")" : "")));
		}
		rows.add(new Row(labels.apply("stage." + taskKey), bars, List.of()));
	}

	private Optional<DeadlinePlan> plan(Details details) {
		RequestSummary request = details.request();
		if (request.convention() == null || request.currentDeadline() == null || request.meetingCode() == null) {
			return Optional.empty();
		}
		Convention convention = Convention.valueOf(request.convention());
		Optional<Meeting> registered = this.registry.findMeeting(convention, request.meetingCode());
		LocalDate lastDay = RequestDetails.date(details.facts().get(ExtensionRequestProcess.MEETING_LAST_DAY));
		Meeting meeting = registered.orElseGet(() -> (request.meetingFirstDay() != null)
				? new Meeting(convention, request.meetingCode(), MeetingKind.MSP, request.meetingFirstDay(),
						(lastDay != null) ? lastDay : request.meetingFirstDay(), null, true)
				: null);
		return Optional.ofNullable(meeting)
			.map((target) -> this.calendar.plan(convention, request.currentDeadline(), target));
	}

	private static LocalDate date(Instant instant) {
		return instant.atZone(ZoneId.systemDefault()).toLocalDate();
	}

}
