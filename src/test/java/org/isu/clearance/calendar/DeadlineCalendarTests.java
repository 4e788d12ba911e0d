package org.isu.clearance.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.isu.clearance.calendar.CalendarProperties.ConventionRules;
import org.isu.clearance.calendar.CalendarProperties.StageOffsets;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineCalendarTests {

	private final DeadlineCalendar calendar = new DeadlineCalendar(properties());

	/** The plan with the calendar's target meeting among the registered ones. */
	private DeadlinePlan plan(Convention convention, LocalDate deadline) {
		return this.calendar.plan(convention, deadline, meetings(convention)).orElseThrow();
	}

	private DeadlinePlan plan(Convention convention, LocalDate deadline, LocalDate receivedOn) {
		return this.calendar.plan(convention, deadline, receivedOn, meetings(convention)).orElseThrow();
	}

	/** Both conventions' meetings: the calendar takes only those of the convention. */
	private static List<Meeting> meetings(Convention convention) {
		List<Meeting> all = new java.util.ArrayList<>(ccmMeetings());
		all.addAll(apmbcMeetings());
		return all;
	}

	@Test
	void somaliaWorkedExample() {
		DeadlinePlan plan = plan(Convention.CCM, date("2026-03-01"));

		assertThat(plan.meeting().code()).isEqualTo("13MSP");
		assertThat(plan.meeting().firstDay()).isEqualTo(date("2025-09-16"));
		assertThat(plan.meetingProjected()).isFalse();
		assertThat(plan.submissionDue()).isEqualTo(date("2024-12-16"));
		assertThat(plan.latestNewDeadline()).isEqualTo(date("2031-03-01"));
	}

	@Test
	void stageDueDatesCountBackFromTheMeeting() {
		DeadlinePlan plan = plan(Convention.CCM, date("2026-03-01"));

		assertThat(plan.deadlineWatch()).isEqualTo(date("2024-03-16"));
		assertThat(plan.preliminaryReview()).isEqualTo(date("2025-02-16"));
		assertThat(plan.stateResponse()).isEqualTo(date("2025-05-16"));
		assertThat(plan.finalReview()).isEqualTo(date("2025-06-16"));
		assertThat(plan.endorsement()).isEqualTo(date("2025-07-08"));
		assertThat(plan.translation()).isEqualTo(date("2025-08-19"));
		assertThat(plan.presentation()).isEqualTo(date("2025-09-09"));
		assertThat(plan.decisionRecorded()).isEqualTo(date("2025-09-22"));
	}

	@Test
	void targetIsTheLastDecidingMeetingThatOpensBeforeTheDeadline() {
		// Chad: deadline 1 October 2026, the Third Review Conference opens in September
		// 2026
		assertThat(plan(Convention.CCM, date("2026-10-01")).meeting().code()).isEqualTo("3RC");
		// a deadline on the meeting's first day is too late for that meeting
		assertThat(plan(Convention.CCM, date("2025-09-16")).meeting().code()).isEqualTo("12MSP");
		assertThat(plan(Convention.CCM, date("2025-09-17")).meeting().code()).isEqualTo("13MSP");
	}

	@Test
	void aRequestReceivedAfterItsTargetMeetingOpenedGoesToTheNextMeeting() {
		// Somalia's target, the 13MSP, opened on 16 September 2025; a request received
		// on 1 October 2025 can only be decided by the next deciding meeting
		DeadlinePlan plan = plan(Convention.CCM, date("2026-03-01"), date("2025-10-01"));

		assertThat(plan.meeting().code()).isEqualTo("3RC");
		// received before the meeting opened: the calendar's own target
		assertThat(plan(Convention.CCM, date("2026-03-01"), date("2025-09-15")).meeting().code()).isEqualTo("13MSP");
	}

	@Test
	void theNextMeetingIsProjectedWhenNoneIsRegisteredAfterTheDay() {
		DeadlineCalendar.TargetMeeting next = this.calendar.nextMeeting(Convention.CCM, date("2027-10-01"),
				meetings(Convention.CCM));

		assertThat(next.projected()).isTrue();
		assertThat(next.meeting().code()).isEqualTo("15MSP");
		assertThat(next.meeting().firstDay()).isEqualTo(date("2028-09-15"));
	}

	@Test
	void intersessionalMeetingsDoNotDecide() {
		// APMBC: the June 2025 intersessional meetings open before the deadline but
		// decide nothing
		DeadlinePlan plan = plan(Convention.APMBC, date("2025-07-01"));

		assertThat(plan.meeting().code()).isEqualTo("5RC");
	}

	@Test
	void projectsTheUsualMeetingWhenNoneIsRegisteredThatFarAhead() {
		// Iraq: deadline 1 November 2028, the last registered CCM meeting is the 14MSP
		// (2027)
		DeadlinePlan plan = plan(Convention.CCM, date("2028-11-01"));

		assertThat(plan.meetingProjected()).isTrue();
		assertThat(plan.meeting().provisional()).isTrue();
		assertThat(plan.meeting().code()).isEqualTo("15MSP");
		assertThat(plan.meeting().firstDay()).isEqualTo(date("2028-09-15"));
		assertThat(plan.submissionDue()).isEqualTo(date("2027-12-15"));
	}

	@Test
	void projectsApmbcMeetingsInLateNovember() {
		DeadlinePlan plan = plan(Convention.APMBC, date("2028-12-31"));

		assertThat(plan.meeting().code()).isEqualTo("25MSP");
		assertThat(plan.meeting().firstDay()).isEqualTo(date("2028-11-25"));
	}

	@Test
	void aRegisteredMeetingWinsOverAProjectionInTheSameYear() {
		// 1 October 2027: the registered 14MSP; 1 August 2030: the 2029 meeting,
		// projected
		assertThat(plan(Convention.CCM, date("2027-10-01")).meetingProjected()).isFalse();
		assertThat(plan(Convention.CCM, date("2027-10-01")).meeting().code()).isEqualTo("14MSP");
		assertThat(plan(Convention.CCM, date("2030-08-01")).meeting().code()).isEqualTo("16MSP");
	}

	@Test
	void noMeetingBeforeTheDeadlineGivesNoPlan() {
		assertThat(this.calendar.plan(Convention.CCM, date("2010-01-01"), meetings(Convention.CCM))).isEmpty();
		assertThat(this.calendar.plan(Convention.CCM, date("2010-01-01"), date("2009-06-01"), meetings(Convention.CCM)))
			.isEmpty();
	}

	@Nested
	class Lateness {

		private final DeadlinePlan plan = DeadlineCalendarTests.this.plan(Convention.CCM, date("2026-03-01"));

		@Test
		void onTheDueDateIsInTime() {
			assertThat(this.plan.isLate(date("2024-12-16"))).isFalse();
		}

		@Test
		void theDayAfterIsLate() {
			assertThat(this.plan.isLate(date("2024-12-17"))).isTrue();
		}

		@Test
		void aLateRequestStillGetsTheMinimumReviewPeriod() {
			assertThat(DeadlineCalendarTests.this.calendar.preliminaryReviewDue(this.plan, date("2024-12-10")))
				.isEqualTo(date("2025-02-16"));
			assertThat(DeadlineCalendarTests.this.calendar.preliminaryReviewDue(this.plan, date("2025-02-01")))
				.isEqualTo(date("2025-03-01"));
		}

	}

	@Nested
	class Caps {

		@Test
		void ccmAllowsFiveYearsFromTheCurrentDeadline() {
			DeadlinePlan plan = DeadlineCalendarTests.this.plan(Convention.CCM, date("2026-03-01"));

			assertThat(plan.exceedsCap(date("2031-03-01"))).isFalse();
			assertThat(plan.exceedsCap(date("2031-03-02"))).isTrue();
		}

		@Test
		void apmbcAllowsTenYears() {
			DeadlinePlan plan = DeadlineCalendarTests.this.plan(Convention.APMBC, date("2026-03-01"));

			assertThat(plan.exceedsCap(date("2036-03-01"))).isFalse();
			assertThat(plan.exceedsCap(date("2036-03-02"))).isTrue();
		}

	}

	@Test
	void intakeIsDueFiveWorkingDaysAfterReceipt() {
		// received on a Friday: Monday to Friday of the next week
		assertThat(this.calendar.intakeDue(date("2024-12-13"))).isEqualTo(date("2024-12-20"));
		// received on a Wednesday: the Wednesday after
		assertThat(this.calendar.intakeDue(date("2024-12-11"))).isEqualTo(date("2024-12-18"));
	}

	@Test
	void supplementIsDueThirtyDaysAfterTheRequest() {
		assertThat(this.calendar.supplementDue(date("2025-01-10"))).isEqualTo(date("2025-02-09"));
	}

	@Test
	void anApmbcStatePresentsAtTheIntersessionalMeetingOfTheMeetingsYear() {
		Meeting msp22 = apmbcMeetings().get(3);
		assertThat(this.calendar.intersessionalPresentationDue(msp22, apmbcMeetings())).isEqualTo(date("2025-06-20"));
	}

	@Test
	void withoutARegisteredIntersessionalMeetingTheConfiguredDayOfTheYearCounts() {
		Meeting msp23 = apmbcMeetings().get(4);
		assertThat(this.calendar.intersessionalPresentationDue(msp23, apmbcMeetings())).isEqualTo(date("2026-06-20"));
		// an intersessional meeting of another year or another convention does not count
		assertThat(this.calendar.intersessionalPresentationDue(msp23, ccmMeetings())).isEqualTo(date("2026-06-20"));
	}

	@Test
	void theIntersessionalPresentationIsNeverAfterTheMeeting() {
		Meeting early = meeting(Convention.APMBC, "X1", MeetingKind.MSP, "2027-05-10", "2027-05-12");
		assertThat(this.calendar.intersessionalPresentationDue(early, List.of())).isEqualTo(date("2027-05-09"));
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

	private static CalendarProperties properties() {
		StageOffsets stages = new StageOffsets(Period.ofMonths(18), Period.ofMonths(7), Period.ofMonths(4),
				Period.ofMonths(3), Period.ofWeeks(10), Period.ofWeeks(4), Period.ofWeeks(1));
		return new CalendarProperties(Map.of(Convention.CCM,
				new ConventionRules(Period.ofYears(5), Period.ofMonths(9), 9, 15, stages, MonthDay.of(6, 20)),
				Convention.APMBC,
				new ConventionRules(Period.ofYears(10), Period.ofMonths(9), 11, 25, stages, MonthDay.of(6, 20))), 5,
				Period.ofDays(30), Period.ofWeeks(4), Period.ofDays(3));
	}

	private static List<Meeting> ccmMeetings() {
		return List.of(meeting(Convention.CCM, "11MSP", MeetingKind.MSP, "2023-09-11", "2023-09-14"),
				meeting(Convention.CCM, "12MSP", MeetingKind.MSP, "2024-09-10", "2024-09-13"),
				meeting(Convention.CCM, "13MSP", MeetingKind.MSP, "2025-09-16", "2025-09-19"),
				meeting(Convention.CCM, "3RC", MeetingKind.RC, "2026-09-14", "2026-09-18"),
				meeting(Convention.CCM, "14MSP", MeetingKind.MSP, "2027-09-14", "2027-09-17"));
	}

	private static List<Meeting> apmbcMeetings() {
		return List.of(meeting(Convention.APMBC, "21MSP", MeetingKind.MSP, "2023-11-20", "2023-11-24"),
				meeting(Convention.APMBC, "5RC", MeetingKind.RC, "2024-11-25", "2024-11-29"),
				meeting(Convention.APMBC, "IM2025", MeetingKind.INTERSESSIONAL, "2025-06-17", "2025-06-20"),
				meeting(Convention.APMBC, "22MSP", MeetingKind.MSP, "2025-12-01", "2025-12-05"),
				meeting(Convention.APMBC, "23MSP", MeetingKind.MSP, "2026-11-30", "2026-12-04"));
	}

	private static Meeting meeting(Convention convention, String code, MeetingKind kind, String first, String last) {
		return new Meeting(convention, code, kind, date(first), date(last), "Geneva", false);
	}

}
