package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.isu.clearance.outreach.OutreachProperties.Article7;
import org.isu.clearance.schedule.ScheduledStart;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.REPORT_DUE;

/**
 * When the yearly Article 7 reminders go out, for the {@code article7-reminders} model
 * ({@code ${article7Schedule...}}): the timer start event fires once a year on the day of
 * the first reminder (30 days before 30 April), the final one waits for 7 days before.
 */
@Component("article7Schedule")
public class Article7Schedule implements ScheduledStart {

	private final OutreachProperties properties;

	Article7Schedule(OutreachProperties properties) {
		this.properties = properties;
	}

	@Override
	public String processKey() {
		return DeadlineWatchProcess.ARTICLE7_PROCESS_KEY;
	}

	/**
	 * A yearly cron expression (Spring 5.3 dialect, as Camunda 7.24 reads it) for the
	 * first reminder's day, counted in a common (non-leap) year.
	 */
	@Override
	public String cron() {
		Article7 article7 = this.properties.article7();
		LocalDate first = LocalDate.of(Year.of(2027).getValue(), article7.reportDueMonth(), article7.reportDueDay())
			.minus(article7.firstReminder());
		LocalTime time = this.properties.sendTime();
		return "0 " + time.getMinute() + " " + time.getHour() + " " + first.getDayOfMonth() + " "
				+ first.getMonthValue() + " *";
	}

	/**
	 * The final reminder of the season that started: {@code reportDue} − 7 days.
	 */
	public Date finalReminder(VariableScope season) {
		LocalDate due = LocalDate.parse((String) season.getVariable(REPORT_DUE));
		return at(due.minus(this.properties.article7().finalReminder()));
	}

	LocalDate nextDue(LocalDate from) {
		return this.properties.article7().nextDue(from);
	}

	private Date at(LocalDate day) {
		return Date.from(day.atTime(this.properties.sendTime()).atZone(java.time.ZoneId.systemDefault()).toInstant());
	}

}
