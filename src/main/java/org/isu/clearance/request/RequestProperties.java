package org.isu.clearance.request;

import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.isu.clearance.registry.Convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the extension-request process ({@code clearance.requests.*}).
 *
 * @param dueTime the time of day a task falls due on its due date (JVM time zone)
 * @param dueSoonLead how long before a task's due date its "due soon" reminder goes out
 * @param overdueInterval how often an overdue task is reminded after its due date
 * @param minimumTaskPeriod the least time a task gets, when its calendar date has already
 * passed at creation (late requests)
 * @param answersReviewPeriod the time the reviewing body has to review the State's
 * answers (never past the final review's date)
 * @param conventions the steps each convention's requests go through
 */
@Validated
@ConfigurationProperties("clearance.requests")
record RequestProperties(@NotNull LocalTime dueTime, @NotNull Period dueSoonLead, @NotNull Period overdueInterval,
		@NotNull Period minimumTaskPeriod, @NotNull Period answersReviewPeriod,
		@NotEmpty Map<Convention, @Valid Steps> conventions) {

	Steps steps(Convention convention) {
		Steps steps = this.conventions.get(convention);
		if (steps == null) {
			throw new IllegalStateException("No request steps configured for the " + convention);
		}
		return steps;
	}

	/**
	 * @param intersessionalPresentation the State presents its request informally at the
	 * intersessional meetings before the final analysis (the APMBC)
	 * @param endorsement the coordinators endorse the final analysis before it is
	 * translated (the CCM)
	 * @param checklist what the ISU checks a request for at intake (the treaty's list of
	 * contents), one line each
	 */
	record Steps(boolean intersessionalPresentation, boolean endorsement, @NotEmpty List<String> checklist) {

	}

}
