package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.calendar.DeadlinePlan;
import org.isu.clearance.outreach.WatchedStates;
import org.isu.clearance.outreach.WatchedStates.WatchLine;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.request.RequestReadModel;
import org.isu.clearance.request.RequestSummary;
import org.isu.clearance.workplan.WorkPlanSchedule.QuarterPeriod;

import org.springframework.stereotype.Component;

/**
 * What the quarterly digest says: the quarter, the next meetings it counts towards, for
 * each convention the open tasks of its coordinators' work plan that fall due in the
 * quarter of its own cycle, every open extension request with its stage and the due dates
 * that fall in the quarter, and the watched States whose contact or submission date falls
 * in it.
 */
@Component
public class QuarterDigest {

	private static final String DUE_LABEL = "quarter-digest.due.";

	private final RequestReadModel requests;

	private final Registry registry;

	private final DeadlineCalendar calendar;

	private final WorkPlanActivities workPlans;

	private final WatchedStates watchedStates;

	QuarterDigest(RequestReadModel requests, Registry registry, DeadlineCalendar calendar, WorkPlanActivities workPlans,
			WatchedStates watchedStates) {
		this.workPlans = workPlans;
		this.watchedStates = watchedStates;
		this.requests = requests;
		this.registry = registry;
		this.calendar = calendar;
	}

	/**
	 * The digest's model, the work plan's labels in a language ({@code en}, {@code fr};
	 * otherwise English): the rest of the wording is the template's.
	 */
	Map<String, Object> model(QuarterPeriod quarter, String language) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("quarter", quarter.quarter().name());
		model.put("firstDay", quarter.start().toString());
		model.put("lastDay", quarter.lastDay().toString());
		model.put("nextMeetings", nextMeetings(quarter.start()));
		List<WorkPlanActivities.QuarterOfCycle> plans = new ArrayList<>();
		for (Convention convention : Convention.values()) {
			this.workPlans.quarterOf(convention, quarter.start(), language).ifPresent(plans::add);
		}
		model.put("workPlans", plans);
		List<ExpiredLine> expired = new ArrayList<>();
		for (Convention convention : Convention.values()) {
			this.registry.states(convention, true, quarter.start())
				.forEach((state) -> expired
					.add(new ExpiredLine(state.name(), convention.name(), state.clearanceDeadline().toString())));
		}
		model.put("expiredStates", expired);
		// the reports due on 30 April of the quarter's year cover the year before
		model.put("article7", this.registry.article7Counts(quarter.start().getYear() - 1));
		model.put("requests", requests(quarter));
		model.put("watches", watches(quarter.start(), quarter.lastDay()));
		return model;
	}

	private List<MeetingLine> nextMeetings(LocalDate from) {
		List<MeetingLine> meetings = new ArrayList<>();
		for (Convention convention : Convention.values()) {
			this.registry.meetings(convention)
				.stream()
				.filter((meeting) -> meeting.kind().decidesExtensions() && !meeting.firstDay().isBefore(from))
				.min(Comparator.comparing(Meeting::firstDay))
				.ifPresent((meeting) -> meetings.add(new MeetingLine(convention.name(), meeting.code(),
						meeting.firstDay().toString(), meeting.provisional())));
		}
		return meetings;
	}

	/**
	 * Every open request with its stage and the due dates that fall in the quarter: its
	 * open tasks' (from the request read model) and its planned ones (from the calendar).
	 */
	List<RequestLine> requests(QuarterPeriod quarter) {
		Map<String, Meeting> meetings = new HashMap<>();
		for (Convention convention : Convention.values()) {
			this.registry.meetings(convention)
				.forEach((meeting) -> meetings.put(convention + "-" + meeting.code(), meeting));
		}
		List<RequestLine> lines = new ArrayList<>();
		for (RequestSummary request : this.requests.open()) {
			List<DueLine> due = new ArrayList<>();
			for (RequestSummary.StageView stage : request.stages()) {
				if (stage.due() != null) {
					LocalDate day = LocalDate.ofInstant(stage.due(), ZoneId.systemDefault());
					if (quarter.contains(day)) {
						due.add(new DueLine(stage.name(), null, null, day.toString()));
					}
				}
			}
			plannedDates(request, meetings.get(request.convention() + "-" + request.meetingCode())).stream()
				.filter((line) -> line.date() != null && quarter.contains(LocalDate.parse(line.date())))
				.forEach(due::add);
			due.sort(Comparator.comparing(DueLine::date));
			String stage = request.stages()
				.stream()
				.map(RequestSummary.StageView::name)
				.distinct()
				.reduce((first, second) -> first + ", " + second)
				.orElse(null);
			lines.add(new RequestLine(request.businessKey(), request.stateName(), request.convention(),
					request.meetingCode(), stage, due.stream().distinct().toList()));
		}
		return lines;
	}

	/**
	 * The request's planned dates, labelled by message keys.
	 */
	private List<DueLine> plannedDates(RequestSummary request, Meeting registered) {
		List<DueLine> dates = new ArrayList<>();
		try {
			Convention convention = Convention.valueOf(request.convention());
			LocalDate first = request.meetingFirstDay();
			// the registry has the meeting's last day; a meeting not yet registered is
			// the
			// calendar's projection of four days
			Meeting meeting = (registered != null) ? registered : new Meeting(convention, request.meetingCode(),
					MeetingKind.MSP, first, first.plusDays(3), null, true);
			DeadlinePlan plan = this.calendar.plan(convention, request.currentDeadline(), meeting);
			dates.add(planned("preliminary-review", null, plan.preliminaryReview()));
			dates.add(planned("state-response", null, plan.stateResponse()));
			dates.add(planned("final-review", null, plan.finalReview()));
			dates.add(planned("endorsement", null, plan.endorsement()));
			dates.add(planned("translation", null, plan.translation()));
			dates.add(planned("presentation", null, plan.presentation()));
			dates.add(planned("meeting-opens", meeting.code(), first));
			dates.add(planned("decision", null, plan.decisionRecorded()));
		}
		catch (RuntimeException ex) {
			// a request without a complete calendar still shows its stage and open tasks
		}
		return dates;
	}

	/**
	 * The watched States whose contact or submission date falls between two days
	 * (inclusive).
	 */
	public List<WatchLine> watches(LocalDate from, LocalDate to) {
		return this.watchedStates.between(from, to);
	}

	private static DueLine planned(String what, String argument, LocalDate day) {
		return new DueLine(null, DUE_LABEL + what, argument, (day != null) ? day.toString() : null);
	}

	/**
	 * An open request in the digest.
	 *
	 * @param stage the names of its active steps, null when none has a name
	 */
	public record RequestLine(String businessKey, String stateName, String convention, String meetingCode, String stage,
			List<DueLine> due) {

	}

	/**
	 * A date that falls in the quarter: a task's (its name) or a planned one (the message
	 * key of its label in {@code mail/messages*.properties}, and the label's argument).
	 */
	public record DueLine(String label, String labelKey, String argument, String date) {

	}

	/**
	 * The next meeting of a convention that decides on extensions.
	 */
	public record MeetingLine(String convention, String code, String firstDay, boolean provisional) {

	}

	/**
	 * A State whose deadline has passed without an extension granted.
	 */
	public record ExpiredLine(String stateName, String convention, String deadline) {

	}

}
