package org.isu.clearance.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * When letters to the State go out, for the model's timer expressions
 * ({@code ${stateLetterDates...}}).
 */
@Component("stateLetterDates")
public class StateLetterDates {

	private final NotificationProperties properties;

	StateLetterDates(NotificationProperties properties) {
		this.properties = properties;
	}

	/**
	 * When the State's focal point is reminded of its answers: the configured lead before
	 * they are due; when that moment has already passed (a short answer period), halfway
	 * between now and the due date, so the reminder never arrives with the questions.
	 */
	public Date answersReminder(Date answersDue) {
		Instant due = answersDue.toInstant();
		Instant reminder = due.atZone(ZoneId.systemDefault()).minus(this.properties.answersReminderLead()).toInstant();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (reminder.isBefore(now)) {
			Duration left = Duration.between(now, due);
			reminder = left.isNegative() ? now : now.plus(left.dividedBy(2));
		}
		return Date.from(reminder);
	}

}
