package org.isu.clearance.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates on pages, in the reader's language and the server's time zone ({@code fmt} in
 * templates).
 */
public class Formats {

	private final ZoneId zone = ZoneId.systemDefault();

	public String date(Object value) {
		return format(value, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
	}

	public String dateTime(Object value) {
		return format(value, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
	}

	private String format(Object value, DateTimeFormatter formatter) {
		TemporalAccessor temporal;
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			temporal = instant.atZone(this.zone);
		}
		else if (value instanceof LocalDate date) {
			temporal = date;
		}
		else {
			return value.toString();
		}
		return formatter.withLocale(LocaleContextHolder.getLocale()).format(temporal);
	}

}
