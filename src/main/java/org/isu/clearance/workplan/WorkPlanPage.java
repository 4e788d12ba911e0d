package org.isu.clearance.workplan;

import org.isu.clearance.request.RequestReadModel;
import org.isu.clearance.request.RequestSummary;
import org.isu.clearance.request.RequestFilter;
import org.isu.clearance.request.RequestReadModel.RequestPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.isu.clearance.request.RequestSummary.StageView;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.outreach.WatchedStates.WatchLine;
import org.isu.clearance.workplan.WorkPlanActivities.ActivityItem;

import org.springframework.stereotype.Service;

/**
 * The work plan of the current cycle of each convention: the four work-plan quarters that
 * end with the quarter of its next meeting of States Parties or review conference (Q4 →
 * Q3 for a September meeting), with the coordinators' work-plan activities and their
 * status (planned, open, overdue, done), the stages the calendar plans in them, every
 * open request's due dates and the watched States to contact or whose request falls due:
 * the content of the quarterly digest mail.
 */
@Service
class WorkPlanPage {

	/** The open requests of a meeting the chart shows; the request list has them all. */
	private static final int REQUESTS_SHOWN = 50;

	private final Registry registry;

	private final DeadlineCalendar calendar;

	private final RequestReadModel readModel;

	private final WorkPlanSchedule schedule;

	private final QuarterDigest digest;

	private final WorkPlanActivities activities;

	WorkPlanPage(Registry registry, DeadlineCalendar calendar, RequestReadModel readModel, WorkPlanSchedule schedule,
			QuarterDigest digest, WorkPlanActivities activities) {
		this.activities = activities;
		this.registry = registry;
		this.calendar = calendar;
		this.readModel = readModel;
		this.schedule = schedule;
		this.digest = digest;
	}

	List<Cycle> cycles(Function<String, String> labels, Locale locale) {
		LocalDate today = RequestReadModel.today();
		List<Cycle> cycles = new ArrayList<>();
		for (Convention convention : Convention.values()) {
			nextMeeting(convention, today).ifPresent((meeting) -> cycles.add(cycle(meeting, today, labels, locale)));
		}
		return cycles;
	}

	private Optional<Meeting> nextMeeting(Convention convention, LocalDate today) {
		return this.registry.meetings(convention)
			.stream()
			.filter((meeting) -> meeting.kind().decidesExtensions() && !meeting.lastDay().isBefore(today))
			.min(Comparator.comparing(Meeting::firstDay));
	}

	private Cycle cycle(Meeting meeting, LocalDate today, Function<String, String> labels, Locale locale) {
		// the stage dates of the cycle do not depend on any State's deadline
		DeadlinePlan plan = this.calendar.plan(meeting.convention(), meeting.lastDay(), meeting);
		List<WorkPlanQuarter> cycle = this.schedule.cycleTowards(meeting.firstDay());
		List<ActivityItem> items = this.activities.cycle(meeting, locale.getLanguage());
		// the convention's watches of the whole cycle, read once
		List<WatchLine> watches = this.digest.watches(cycle.get(0).firstDay(), cycle.get(cycle.size() - 1).lastDay())
			.stream()
			.filter((watch) -> watch.convention().equals(meeting.convention().name()))
			.toList();
		List<Quarter> quarters = new ArrayList<>();
		for (WorkPlanQuarter quarter : cycle) {
			quarters.add(new Quarter(quarter.name(), quarter.firstDay(), quarter.lastDay(),
					items.stream().filter((item) -> item.quarter().equals(quarter.name())).toList(),
					watches.stream()
						.filter((watch) -> quarter.contains(LocalDate.parse(watch.contactOn()))
								|| quarter.contains(LocalDate.parse(watch.submissionDue())))
						.toList(),
					new ArrayList<>()));
		}
		List<Item> planned = List.of(new Item(plan.submissionDue(), labels.apply("stage.Submission"), null, null),
				new Item(plan.preliminaryReview(), labels.apply("stage.Task_PreliminaryReview"), null, null),
				new Item(plan.stateResponse(), labels.apply("stage.Task_RecordStateResponse"), null, null),
				new Item(plan.finalReview(), labels.apply("stage.Task_FinalReview"), null, null),
				new Item(plan.endorsement(), labels.apply("stage.Task_EndorseAnalysis"), null, null),
				new Item(plan.translation(), labels.apply("stage.Task_ConfirmTranslation"), null, null),
				new Item(plan.presentation(), labels.apply("stage.Task_PrepareMeetingPresentation"), null, null),
				new Item(meeting.firstDay(), labels.apply("stage.Meeting") + " " + meeting.code(), null, null),
				new Item(plan.decisionRecorded(), labels.apply("stage.Task_RecordDecision"), null, null));
		List<Row> rows = new ArrayList<>();
		List<Bar> quarterBars = new ArrayList<>();
		for (int i = 0; i < quarters.size(); i++) {
			Quarter quarter = quarters.get(i);
			quarterBars
				.add(new Bar(quarter.start(), quarter.end(), 0, (i % 2 == 0) ? "planned" : "actual", quarter.label()));
		}
		rows.add(new Row(labels.apply("workPlan.quarters"), quarterBars, List.of()));
		rows.add(new Row(labels.apply("workPlan.calendar"), List.of(),
				planned.stream()
					.map((item) -> new Marker(item.date(), "due", item.date() + " " + item.what()))
					.toList()));
		// one page of the meeting's open requests, by State (a real cycle has a few dozen
		// at most), without the list's counts per stage; the page says how many more the
		// request list shows
		RequestFilter open = new RequestFilter(meeting.convention().name(), meeting.code(), null, false, "open",
				"state", false, 0, REQUESTS_SHOWN);
		RequestPage requests = this.readModel.pageWithoutStageCounts(open);
		List<Item> requestItems = new ArrayList<>();
		for (RequestSummary request : requests.items()) {
			String who = (request.stateName() != null) ? request.stateName() : request.stateCode();
			List<Marker> markers = new ArrayList<>();
			if (request.submissionDue() != null) {
				requestItems.add(new Item(request.submissionDue(), labels.apply("stage.Submission"), who,
						request.businessKey()));
			}
			if (request.submittedOn() != null) {
				markers.add(new Marker(request.submittedOn(), "actual", request.submittedOn() + " " + who));
			}
			for (StageView stage : request.stages()) {
				if (stage.due() != null) {
					LocalDate due = stage.due().atZone(ZoneId.systemDefault()).toLocalDate();
					markers.add(new Marker(due, stage.overdue() ? "due" : "actual open",
							due + " " + labels.apply("stage." + stage.activityId())));
					requestItems
						.add(new Item(due, labels.apply("stage." + stage.activityId()), who, request.businessKey()));
				}
			}
			rows.add(new Row(who, List.of(), markers));
		}
		for (Item item : concat(planned, requestItems)) {
			quarters.stream()
				.filter((quarter) -> !item.date().isBefore(quarter.start()) && !item.date().isAfter(quarter.end()))
				.findFirst()
				.ifPresent((quarter) -> quarter.items().add(item));
		}
		quarters.forEach((quarter) -> quarter.items().sort(Comparator.comparing(Item::date)));
		return new Cycle(meeting, plan, quarters, new GanttChart(rows, today, locale),
				requests.totalItems() - requests.items().size());
	}

	private static List<Item> concat(List<Item> first, List<Item> second) {
		List<Item> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * The cycle towards one meeting.
	 *
	 * @param moreRequests the meeting's open requests beyond the page shown
	 */
	record Cycle(Meeting meeting, DeadlinePlan plan, List<Quarter> quarters, GanttChart chart, long moreRequests) {

	}

	/**
	 * A work-plan quarter of the cycle: its activities, the deadline watches whose
	 * contact or submission date falls in it, and what falls due in it.
	 */
	record Quarter(String label, LocalDate start, LocalDate end, List<ActivityItem> activities, List<WatchLine> watches,
			List<Item> items) {

	}

	/**
	 * Something that falls due: a stage of the calendar ({@code businessKey} null) or a
	 * request's due date.
	 */
	record Item(LocalDate date, String what, String state, String businessKey) {

	}

}
