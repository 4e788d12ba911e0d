package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Offsets of the deadline watch and of the Article 7 reminders
 * ({@code clearance.outreach.*}). The watch's start (M − 18 months) and the submission
 * due date (M − 9 months) come from the deadline calendar ({@code clearance.calendar}).
 *
 * @param sendTime the time of day (JVM time zone) every dated mail and task of this
 * package falls on
 * @param watch the deadline watch
 * @param article7 the yearly Article 7 reminders
 */
@Validated
@ConfigurationProperties("clearance.outreach")
record OutreachProperties(@NotNull LocalTime sendTime, @NotNull @Valid Watch watch, @NotNull @Valid Article7 article7) {

	/**
	 * @param firstReminder first mail to the focal point, before the meeting's first day
	 * M (12 months)
	 * @param secondReminder second mail, before M (10 months)
	 * @param finalReminder last mail, before M (9 months and 14 days)
	 * @param overdueAlertAfter the coordinators' alert, after the submission due date
	 * when no request arrived (1 day)
	 * @param contactPeriod time the coordinators have to contact the State (due date of
	 * {@code Task_ContactState})
	 */
	record Watch(@NotNull Period firstReminder, @NotNull Period secondReminder, @NotNull Period finalReminder,
			@NotNull Period overdueAlertAfter, @NotNull Period contactPeriod) {

	}

	/**
	 * @param reportDueMonth month of the yearly Article 7 report's due date (30 April)
	 * @param reportDueDay day of that month
	 * @param firstReminder first reminder before the due date (30 days)
	 * @param finalReminder final reminder before the due date (7 days)
	 */
	record Article7(@Min(1) @Max(12) int reportDueMonth, @Min(1) @Max(31) int reportDueDay,
			@NotNull Period firstReminder, @NotNull Period finalReminder) {

		/**
		 * The first report due date on or after a day.
		 */
		LocalDate nextDue(LocalDate from) {
			LocalDate due = LocalDate.of(from.getYear(), this.reportDueMonth, this.reportDueDay);
			return due.isBefore(from) ? due.plusYears(1) : due;
		}

	}

}
