package org.isu.clearance.workplan;

import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.isu.clearance.registry.Convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The coordinators' work plan ({@code clearance.workplan.*}): the quarters counted
 * towards each convention's meeting of States Parties (Q4 opens the cycle, Q3 holds the
 * meeting for a September meeting), the quarterly digest, and per convention the
 * activities of the plan and its working paper, which the {@code coordination-work-plan}
 * process turns into user tasks.
 *
 * @param startDay the day of the month every quarter starts on (one cron expression fires
 * on every quarter's first day)
 * @param sendTime the time of day the digest goes out (JVM time zone)
 * @param dueTime the time of day a work-plan task falls due
 * @param cycleOpensAfter how long after the previous meeting closes a cycle opens
 * @param firstCycleLead how long before its meeting a cycle opens when no earlier meeting
 * is registered
 * @param startCycles whether a work-plan instance starts for every meeting ahead (at
 * startup and when a meeting changes)
 * @param quarters the quarters in work-plan order
 * @param conventions the plan of each convention
 */
@Validated
@ConfigurationProperties("clearance.workplan")
record WorkPlanProperties(@Min(1) @Max(28) int startDay, @NotNull LocalTime sendTime,
		@DefaultValue("17:00") LocalTime dueTime, @DefaultValue("P1D") Period cycleOpensAfter,
		@DefaultValue("P12M") Period firstCycleLead, @DefaultValue("true") boolean startCycles,
		@NotEmpty List<@Valid Quarter> quarters, @NotNull Map<Convention, @Valid Plan> conventions) {

	/**
	 * The plan of a convention, an empty one when none is configured.
	 */
	Plan plan(Convention convention) {
		return this.conventions.getOrDefault(convention, new Plan(List.of(), null));
	}

	/**
	 * @param name such as {@code Q4}
	 * @param startMonth the month the quarter starts in (1–12)
	 */
	record Quarter(@NotBlank String name, @Min(1) @Max(12) int startMonth) {

	}

	/**
	 * @param activities the activities of the plan, each a user task
	 * @param workingPaper the coordinators' working paper, or none
	 */
	record Plan(@DefaultValue List<@Valid Activity> activities, @Valid WorkingPaper workingPaper) {

		Activity activity(String id) {
			return this.activities.stream()
				.filter((activity) -> activity.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No work-plan activity " + id));
		}

	}

	/**
	 * @param id stable, such as {@code gender-focal-points-outreach}
	 * @param quarter the quarter it is due at the end of
	 * @param group the candidate group that owns it
	 * @param meeting whether it is a meeting (its task records the date it was held)
	 * @param labels the label in each language ({@code en} at least)
	 */
	record Activity(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id, @NotBlank String quarter,
			@NotBlank String group, boolean meeting, @NotEmpty Map<String, String> labels) {

		String label(String language) {
			return this.labels.getOrDefault(language, this.labels.getOrDefault("en", this.id));
		}

	}

	/**
	 * @param group the candidate group of its steps
	 * @param title the title in each language
	 * @param languages the languages it is translated into (one task each)
	 * @param steps {@code draft}, {@code finalise}, {@code translate}, {@code submit},
	 * {@code present}
	 */
	record WorkingPaper(@NotBlank String group, @NotEmpty Map<String, String> title,
			@NotEmpty List<@Pattern(regexp = "ar|zh|en|fr|ru|es") String> languages,
			@NotEmpty Map<String, @Valid Step> steps) {

		Step step(String name) {
			Step step = this.steps.get(name);
			if (step == null) {
				throw new IllegalArgumentException("No working-paper step " + name);
			}
			return step;
		}

	}

	/**
	 * @param quarter the quarter it is due at the end of
	 * @param labels the label in each language
	 */
	record Step(@NotBlank String quarter, @NotEmpty Map<String, String> labels) {

		String label(String language) {
			return this.labels.getOrDefault(language, this.labels.get("en"));
		}

	}

}
