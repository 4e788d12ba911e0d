package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.outreach.OutreachProperties.Watch;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * The moments of a deadline watch, for the model's timer and due-date expressions
 * ({@code ${deadlineWatchDates...}}): counted from the target meeting's first day M and
 * the submission due date stored on the watch, at the configured time of day.
 */
@Component("deadlineWatchDates")
public class DeadlineWatchDates {

	static final String FIRST = "first";

	static final String SECOND = "second";

	static final String FINAL = "final";

	private final OutreachProperties properties;

	DeadlineWatchDates(OutreachProperties properties) {
		this.properties = properties;
	}

	/**
	 * M − 18 months (the calendar's deadline-watch stage): the coordinators contact the
	 * State.
	 */
	public Date contact(VariableScope watch) {
		return at(day(watch, CONTACT_ON));
	}

	/** Due date of {@code Task_ContactState}. */
	public Date contactDue(VariableScope watch) {
		return contactDue(day(watch, CONTACT_ON));
	}

	/** Due date of {@code Task_ContactState} for a contact date, from today on. */
	Date contactDue(LocalDate contactOn) {
		LocalDate due = today().isAfter(contactOn) ? today() : contactOn;
		return at(due.plus(this.properties.watch().contactPeriod()));
	}

	/** The focal point's reminder {@code first}, {@code second} or {@code final}. */
	public Date reminder(VariableScope watch, String reminder) {
		return at(reminderDay(watch, reminder));
	}

	/** The coordinators' alert when no request arrived by the submission due date. */
	public Date overdueAlert(VariableScope watch) {
		return at(day(watch, SUBMISSION_DUE).plus(this.properties.watch().overdueAlertAfter()));
	}

	LocalDate reminderDay(VariableScope watch, String reminder) {
		Watch offsets = this.properties.watch();
		Period before = switch (reminder) {
			case FIRST -> offsets.firstReminder();
			case SECOND -> offsets.secondReminder();
			case FINAL -> offsets.finalReminder();
			default -> throw new IllegalArgumentException("No reminder '" + reminder + "'");
		};
		return day(watch, MEETING_FIRST_DAY).minus(before);
	}

	/**
	 * A reminder is superseded when the moment of the next one (or, for the final one,
	 * the submission due date) has passed too: a watch that starts late sends only the
	 * latest reminder that still makes sense, not a burst of stale ones.
	 */
	boolean superseded(VariableScope watch, String reminder) {
		Date next = switch (reminder) {
			case FIRST -> reminder(watch, SECOND);
			case SECOND -> reminder(watch, FINAL);
			default -> Date.from(day(watch, SUBMISSION_DUE).plusDays(1).atStartOfDay(zone()).toInstant());
		};
		return !ClockUtil.getCurrentTime().before(next);
	}

	Date at(LocalDate day) {
		return Date.from(day.atTime(this.properties.sendTime()).atZone(zone()).toInstant());
	}

	/**
	 * A date the watch was started with; a watch started by hand without it, or with a
	 * malformed one, is refused naming the variable (400, nothing started).
	 */
	static LocalDate day(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			throw RejectedInput.remember(new FieldValidationException(name, "is required to start a deadline watch"));
		}
		try {
			return LocalDate.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			throw RejectedInput
				.remember(new FieldValidationException(name, "'" + value + "' is not a date yyyy-MM-dd"));
		}
	}

	static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
	}

	private static ZoneId zone() {
		return ZoneId.systemDefault();
	}

}
