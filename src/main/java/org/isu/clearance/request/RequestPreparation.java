package org.isu.clearance.request;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.calendar.DeadlinePlan;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.review.ReviewBodies;
import org.isu.clearance.registry.StateParty;
import org.isu.clearance.shared.FieldValidationException;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Turns what a request's sender gave (convention, State, requested deadline, date of
 * receipt, optional meeting, summary) into the variables of a new
 * {@code extension-request} instance, or refuses it naming the field. The same rules
 * apply to the API and to the start form in Tasklist.
 */
@Component
class RequestPreparation {

	static final int SUMMARY_MAX = 4000;

	private final Registry registry;

	private final DeadlineCalendar calendar;

	private final ReviewBodies reviewBodies;

	private final RequestSteps steps;

	RequestPreparation(Registry registry, DeadlineCalendar calendar, ReviewBodies reviewBodies, RequestSteps steps) {
		this.registry = registry;
		this.calendar = calendar;
		this.reviewBodies = reviewBodies;
		this.steps = steps;
	}

	PreparedRequest prepare(Map<String, Object> input) {
		Convention convention = convention(input.get(CONVENTION));
		String stateCode = text(input.get(STATE_CODE));
		if (stateCode == null) {
			throw new FieldValidationException(STATE_CODE, "is required");
		}
		StateParty state = this.registry.findState(convention, stateCode)
			.orElseThrow(() -> new FieldValidationException(STATE_CODE,
					"no State Party '" + stateCode + "' is registered under the " + convention));
		LocalDate requested = required(REQUESTED_DEADLINE, input.get(REQUESTED_DEADLINE));
		LocalDate submittedOn = required(SUBMITTED_ON, input.get(SUBMITTED_ON));
		LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
		if (submittedOn.isAfter(today)) {
			throw new FieldValidationException(SUBMITTED_ON, "must not be in the future");
		}
		DeadlinePlan plan = plan(convention, state, text(input.get(MEETING_CODE)), submittedOn);
		if (!requested.isAfter(state.clearanceDeadline())) {
			throw new FieldValidationException(REQUESTED_DEADLINE,
					"must be after the current deadline " + state.clearanceDeadline());
		}
		if (plan.exceedsCap(requested)) {
			throw new FieldValidationException(REQUESTED_DEADLINE, "exceeds the " + convention + " cap: at most "
					+ plan.latestNewDeadline() + " (current deadline " + state.clearanceDeadline() + ")");
		}
		String summary = text(input.get(SUMMARY));
		if (summary != null && summary.length() > SUMMARY_MAX) {
			throw new FieldValidationException(SUMMARY, "must be at most " + SUMMARY_MAX + " characters");
		}
		Meeting meeting = plan.meeting();
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(CONVENTION, convention.name());
		variables.put(STATE_CODE, state.code());
		variables.put(STATE_NAME, state.name());
		variables.put(FOCAL_POINT_EMAIL, state.focalPointEmail());
		variables.put(PREFERRED_LANGUAGE, state.preferredLanguage().name());
		variables.put(MEETING_CODE, meeting.code());
		variables.put(MEETING_FIRST_DAY, meeting.firstDay().toString());
		variables.put(MEETING_LAST_DAY, meeting.lastDay().toString());
		variables.put("meetingProvisional", meeting.provisional());
		variables.put(CURRENT_DEADLINE, state.clearanceDeadline().toString());
		variables.put(REQUESTED_DEADLINE, requested.toString());
		variables.put(LATEST_ALLOWED_DEADLINE, plan.latestNewDeadline().toString());
		variables.put(SUBMITTED_ON, submittedOn.toString());
		// due for the meeting that should have decided it, even when it now goes to a
		// later
		// one: such a request is late
		LocalDate submissionDue = earliest(plan.submissionDue(),
				this.calendar.plan(convention, state.clearanceDeadline(), this.registry.meetings(convention))
					.orElseThrow(() -> noMeetingBefore(convention, state))
					.submissionDue());
		variables.put(SUBMISSION_DUE, submissionDue.toString());
		variables.put(LATE_SUBMISSION, submittedOn.isAfter(submissionDue));
		variables.put(DEADLINE_EXPIRED, submittedOn.isAfter(state.clearanceDeadline()));
		variables.put(SUMMARY, (summary != null) ? summary : "");
		variables.put(LANGUAGES, new java.util.ArrayList<>(Language.codes()));
		variables.put(REVIEW_BODY, this.reviewBodies.name(convention, "en"));
		variables.put(COMPLETENESS_CHECKLIST, this.steps.checklist(convention));
		return new PreparedRequest(businessKey(convention.name(), state.code(), meeting.code()), plan, variables);
	}

	private DeadlinePlan plan(Convention convention, StateParty state, String meetingCode, LocalDate submittedOn) {
		// a request that arrives after its target meeting opened goes to the next one
		DeadlinePlan computed = this.calendar
			.plan(convention, state.clearanceDeadline(), submittedOn, this.registry.meetings(convention))
			.orElseThrow(() -> noMeetingBefore(convention, state));
		if (meetingCode == null || (computed.meetingProjected() && computed.meeting().code().equals(meetingCode))) {
			return computed;
		}
		Meeting meeting = this.registry.findMeeting(convention, meetingCode)
			.orElseThrow(() -> new FieldValidationException(MEETING_CODE,
					"no meeting '" + meetingCode + "' of the " + convention + " is registered"));
		if (!meeting.kind().decidesExtensions()) {
			throw new FieldValidationException(MEETING_CODE,
					meeting.code() + " is an intersessional meeting: only an MSP or a Review Conference decides");
		}
		if (!meeting.firstDay().isAfter(submittedOn)) {
			throw new FieldValidationException(MEETING_CODE, meeting.code() + " opened on " + meeting.firstDay()
					+ ", before the request was received: choose a later meeting or leave it empty");
		}
		return this.calendar.plan(convention, state.clearanceDeadline(), meeting);
	}

	private static FieldValidationException noMeetingBefore(Convention convention, StateParty state) {
		return new FieldValidationException("clearanceDeadline",
				"no meeting of the " + convention + " opens before " + state.clearanceDeadline());
	}

	private static LocalDate earliest(LocalDate first, LocalDate second) {
		return first.isBefore(second) ? first : second;
	}

	private static Convention convention(Object value) {
		String text = text(value);
		if (text == null) {
			throw new FieldValidationException(CONVENTION, "is required (CCM or APMBC)");
		}
		try {
			return Convention.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new FieldValidationException(CONVENTION, "'" + text + "' is not a convention (CCM or APMBC)");
		}
	}

	private static LocalDate required(String field, Object value) {
		LocalDate date = VariableDates.toLocalDate(field, value);
		if (date == null) {
			throw new FieldValidationException(field, "is required (yyyy-MM-dd)");
		}
		return date;
	}

	static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	record PreparedRequest(String businessKey, DeadlinePlan plan, Map<String, Object> variables) {

	}

}
