package org.isu.clearance.request;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.isu.clearance.shared.FieldValidationException;

/**
 * Reads date variables the way they arrive: ISO {@code yyyy-MM-dd} strings (what
 * Tasklist's forms send; a time part is ignored), {@link Date}s or {@link LocalDate}s.
 */
final class VariableDates {

	private VariableDates() {
	}

	static LocalDate toLocalDate(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		}
		if (value instanceof String text) {
			String trimmed = text.strip();
			if (trimmed.isEmpty()) {
				return null;
			}
			try {
				return LocalDate
					.parse((trimmed.length() > 10 && trimmed.charAt(10) == 'T') ? trimmed.substring(0, 10) : trimmed);
			}
			catch (DateTimeParseException ex) {
				throw new FieldValidationException(field, "'" + text + "' is not a date (yyyy-MM-dd)");
			}
		}
		throw new FieldValidationException(field, "must be a date (yyyy-MM-dd)");
	}

	static String format(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
