package org.isu.clearance.calendar;

import java.time.MonthDay;
import java.time.Period;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.isu.clearance.registry.Convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every number of the deadline calendar, per convention ({@code clearance.calendar.*}).
 *
 * @param conventions the rules of each convention
 * @param intakeWorkingDays working days the ISU has to check a request for completeness
 * @param supplementPeriod time a State has to supplement an incomplete request
 * @param minimumReviewPeriod the least time the review body gets for a preliminary
 * review, however late the request arrived
 * @param decisionRecordingPeriod time after the meeting's last day to record its decision
 */
@Validated
@ConfigurationProperties("clearance.calendar")
record CalendarProperties(@NotEmpty Map<Convention, @Valid ConventionRules> conventions, @Min(1) int intakeWorkingDays,
		@NotNull Period supplementPeriod, @NotNull Period minimumReviewPeriod,
		@NotNull Period decisionRecordingPeriod) {

	ConventionRules rules(Convention convention) {
		ConventionRules rules = this.conventions.get(convention);
		if (rules == null) {
			throw new IllegalStateException("No calendar rules configured for the " + convention);
		}
		return rules;
	}

	/**
	 * @param extensionCap the longest extension one request may ask for, counted from the
	 * current deadline
	 * @param submissionLead how long before the meeting a request is due
	 * @param usualMeetingMonth month of the convention's usual annual meeting, used to
	 * project meetings not yet registered
	 * @param usualMeetingDay day of that month
	 * @param stages how long before the meeting's first day each stage falls due
	 * @param intersessionalPresentationDay when no intersessional meeting is registered
	 * in the meeting's year, the day of that year by which a requesting State presents
	 * its request informally (APMBC: the June intersessional meetings)
	 */
	record ConventionRules(@NotNull Period extensionCap, @NotNull Period submissionLead,
			@Min(1) @Max(12) int usualMeetingMonth, @Min(1) @Max(28) int usualMeetingDay,
			@NotNull @Valid StageOffsets stages, @DefaultValue("--06-20") MonthDay intersessionalPresentationDay) {

	}

	/**
	 * Offsets before the meeting's first day M.
	 */
	record StageOffsets(@NotNull Period deadlineWatch, @NotNull Period preliminaryReview, @NotNull Period stateResponse,
			@NotNull Period finalReview, @NotNull Period endorsement, @NotNull Period translation,
			@NotNull Period presentation) {

	}

}
