package org.isu.clearance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isu.clearance.calendar.CalendarProperties.ConventionRules;
import org.isu.clearance.calendar.CalendarProperties.StageOffsets;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;

import org.springframework.stereotype.Service;

/**
 * Computes the calendar of an extension cycle from a State's current deadline D: which
 * meeting decides, when the request is due, and when each stage of its review falls due.
 * Pure date arithmetic: the meetings come from the caller (a convention's registered
 * meetings, of any kind: only those that decide extensions count), all numbers from
 * {@link CalendarProperties}.
 */
@Service
public class DeadlineCalendar {

	private static final Pattern MSP_CODE = Pattern.compile("(\\d+)MSP");

	private static final int PROJECTED_MEETING_DAYS = 4;

	private final CalendarProperties properties;

	DeadlineCalendar(CalendarProperties properties) {
		this.properties = properties;
	}

	/**
	 * The plan for a State whose deadline is D, with the target meeting chosen by the
	 * calendar among the convention's meetings; none when no meeting opens before D.
	 */
	public Optional<DeadlinePlan> plan(Convention convention, LocalDate currentDeadline, List<Meeting> meetings) {
		return targetMeeting(convention, currentDeadline, meetings)
			.map((target) -> plan(convention, currentDeadline, target.meeting(), target.projected()));
	}

	/**
	 * The plan for a State whose deadline is D when the meeting is already known.
	 */
	public DeadlinePlan plan(Convention convention, LocalDate currentDeadline, Meeting meeting) {
		return plan(convention, currentDeadline, meeting, false);
	}

	private DeadlinePlan plan(Convention convention, LocalDate currentDeadline, Meeting meeting, boolean projected) {
		ConventionRules rules = this.properties.rules(convention);
		StageOffsets stages = rules.stages();
		LocalDate m = meeting.firstDay();
		return new DeadlinePlan(convention, currentDeadline, meeting, projected, m.minus(stages.deadlineWatch()),
				m.minus(rules.submissionLead()), m.minus(stages.preliminaryReview()), m.minus(stages.stateResponse()),
				m.minus(stages.finalReview()), m.minus(stages.endorsement()), m.minus(stages.translation()),
				m.minus(stages.presentation()), meeting.lastDay().plus(this.properties.decisionRecordingPeriod()),
				latestNewDeadline(convention, currentDeadline));
	}

	/**
	 * When the requesting State presents its request informally at the intersessional
	 * meetings (the APMBC's practice): the last day of the convention's intersessional
	 * meeting registered in the deciding meeting's year before it opens, otherwise the
	 * configured day of that year ({@code intersessional-presentation-day}), never later
	 * than the day before the meeting.
	 */
	public LocalDate intersessionalPresentationDue(Meeting meeting, List<Meeting> meetings) {
		LocalDate opens = meeting.firstDay();
		LocalDate due = meetings.stream()
			.filter((candidate) -> candidate.convention() == meeting.convention()
					&& candidate.kind() == MeetingKind.INTERSESSIONAL
					&& candidate.lastDay().getYear() == opens.getYear() && candidate.lastDay().isBefore(opens))
			.map(Meeting::lastDay)
			.max(LocalDate::compareTo)
			.orElseGet(() -> this.properties.rules(meeting.convention())
				.intersessionalPresentationDay()
				.atYear(opens.getYear()));
		return due.isBefore(opens) ? due : opens.minusDays(1);
	}

	/**
	 * How long before its meeting a request of the convention is due (CCM Art. 4.6: nine
	 * months; configurable per convention), for the letters that say so.
	 */
	public java.time.Period submissionLead(Convention convention) {
		return this.properties.rules(convention).submissionLead();
	}

	/**
	 * The latest deadline an extension of D may reach under the convention's cap (CCM
	 * Art. 4.5: five years; APMBC Art. 5.3: ten years).
	 */
	public LocalDate latestNewDeadline(Convention convention, LocalDate currentDeadline) {
		return currentDeadline.plus(this.properties.rules(convention).extensionCap());
	}

	/**
	 * The last meeting of States Parties or review conference of the convention that
	 * opens before D. When none is registered that far ahead, the convention's usual
	 * annual meeting is projected and marked provisional.
	 */
	public Optional<TargetMeeting> targetMeeting(Convention convention, LocalDate deadline, List<Meeting> meetings) {
		List<Meeting> deciding = deciding(convention, meetings);
		Optional<Meeting> registered = deciding.stream()
			.filter((meeting) -> meeting.firstDay().isBefore(deadline))
			.max(Comparator.comparing(Meeting::firstDay));
		Optional<Meeting> projected = project(convention, deciding, deadline);
		if (projected.isPresent()
				&& (registered.isEmpty() || projected.get().firstDay().isAfter(registered.get().firstDay()))) {
			return projected.map((meeting) -> new TargetMeeting(meeting, true));
		}
		return registered.map((meeting) -> new TargetMeeting(meeting, false));
	}

	/**
	 * The plan for a request received on a given day: the calendar's target meeting, or,
	 * when that meeting had already opened when the request arrived, the next meeting
	 * that can still decide it (registered, or the convention's usual one projected);
	 * none when no meeting opens before D.
	 */
	public Optional<DeadlinePlan> plan(Convention convention, LocalDate currentDeadline, LocalDate receivedOn,
			List<Meeting> meetings) {
		return plan(convention, currentDeadline, meetings).map((target) -> {
			if (target.meeting().firstDay().isAfter(receivedOn)) {
				return target;
			}
			TargetMeeting next = nextMeeting(convention, receivedOn, meetings);
			return plan(convention, currentDeadline, next.meeting(), next.projected());
		});
	}

	/**
	 * The first meeting of States Parties or review conference of the convention that
	 * opens after a day; projected from the usual meeting date when none is registered.
	 */
	public TargetMeeting nextMeeting(Convention convention, LocalDate after, List<Meeting> meetings) {
		List<Meeting> deciding = deciding(convention, meetings);
		Optional<Meeting> registered = deciding.stream()
			.filter((meeting) -> meeting.firstDay().isAfter(after))
			.min(Comparator.comparing(Meeting::firstDay));
		if (registered.isPresent()) {
			return new TargetMeeting(registered.get(), false);
		}
		ConventionRules rules = this.properties.rules(convention);
		LocalDate firstDay = LocalDate.of(after.getYear(), rules.usualMeetingMonth(), rules.usualMeetingDay());
		if (!firstDay.isAfter(after)) {
			firstDay = firstDay.plusYears(1);
		}
		int fromYear = deciding.stream()
			.map(Meeting::firstDay)
			.max(Comparator.naturalOrder())
			.map(LocalDate::getYear)
			.orElse(firstDay.getYear() - 1);
		return new TargetMeeting(
				new Meeting(convention, projectedCode(deciding, firstDay.getYear() - fromYear, firstDay.getYear()),
						MeetingKind.MSP, firstDay, firstDay.plusDays(PROJECTED_MEETING_DAYS - 1), null, true),
				true);
	}

	private static List<Meeting> deciding(Convention convention, List<Meeting> meetings) {
		return meetings.stream()
			.filter((meeting) -> meeting.convention() == convention && meeting.kind().decidesExtensions())
			.toList();
	}

	private Optional<Meeting> project(Convention convention, List<Meeting> deciding, LocalDate deadline) {
		Optional<Meeting> latest = deciding.stream().max(Comparator.comparing(Meeting::firstDay));
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		ConventionRules rules = this.properties.rules(convention);
		int fromYear = latest.get().firstDay().getYear();
		for (int year = deadline.getYear(); year > fromYear; year--) {
			LocalDate firstDay = LocalDate.of(year, rules.usualMeetingMonth(), rules.usualMeetingDay());
			if (firstDay.isBefore(deadline)) {
				return Optional.of(new Meeting(convention, projectedCode(deciding, year - fromYear, year),
						MeetingKind.MSP, firstDay, firstDay.plusDays(PROJECTED_MEETING_DAYS - 1), null, true));
			}
		}
		return Optional.empty();
	}

	private static String projectedCode(List<Meeting> deciding, int yearsAfterLatest, int year) {
		OptionalInt highest = deciding.stream()
			.map(Meeting::code)
			.map(MSP_CODE::matcher)
			.filter(Matcher::matches)
			.mapToInt((matcher) -> Integer.parseInt(matcher.group(1)))
			.max();
		return highest.isPresent() ? (highest.getAsInt() + yearsAfterLatest) + "MSP" : "MSP" + year;
	}

	/**
	 * When the ISU's completeness check of a request received on a day is due.
	 */
	public LocalDate intakeDue(LocalDate receivedOn) {
		return plusWorkingDays(receivedOn, this.properties.intakeWorkingDays());
	}

	/**
	 * When a State's supplement to an incomplete request is due, counted from the day it
	 * was asked.
	 */
	public LocalDate supplementDue(LocalDate askedOn) {
		return askedOn.plus(this.properties.supplementPeriod());
	}

	/**
	 * When the preliminary review is due: the calendar date, or later when the request
	 * arrived so late that the review body would not get its minimum period.
	 */
	public LocalDate preliminaryReviewDue(DeadlinePlan plan, LocalDate receivedOn) {
		LocalDate earliest = receivedOn.plus(this.properties.minimumReviewPeriod());
		return earliest.isAfter(plan.preliminaryReview()) ? earliest : plan.preliminaryReview();
	}

	static LocalDate plusWorkingDays(LocalDate from, int workingDays) {
		LocalDate day = from;
		int left = workingDays;
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return day;
	}

	/**
	 * The meeting chosen for a deadline.
	 *
	 * @param projected not registered: projected from the convention's usual meeting
	 * month
	 */
	public record TargetMeeting(Meeting meeting, boolean projected) {

	}

}
