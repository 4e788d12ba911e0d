package org.isu.clearance.workplan;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The quarters of the coordinators' work plan ({@code clearance.workplan.*}), each with
 * the month it starts in and the working group's activities for it. The quarters are
 * counted towards the next meeting of States Parties (Q4 October–December opens the work
 * plan year, Q3 July–September ends it).
 *
 * @param startDay the day of the month every quarter starts on (one cron expression fires
 * on every quarter's first day)
 * @param sendTime the time of day the digest goes out (JVM time zone)
 * @param quarters the quarters in work-plan order
 */
@Validated
@ConfigurationProperties("clearance.workplan")
record WorkPlanProperties(@Min(1) @Max(28) int startDay, @NotNull LocalTime sendTime,
		@NotEmpty List<@Valid Quarter> quarters) {

	/**
	 * @param name such as {@code Q4}
	 * @param startMonth the month the quarter starts in (1–12)
	 * @param activities what the working group does in this quarter
	 */
	record Quarter(@NotBlank String name, @Min(1) @Max(12) int startMonth,
			@NotEmpty List<@NotBlank String> activities) {

	}

}
