package org.isu.clearance.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.shared.FieldValidationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail of the registry ({@code registry_change}): every field a write changes,
 * with its old and new value, the reason given, who and when; written in the same
 * transaction as the change.
 */
@Component
class RegistryAudit {

	static final String STATE = "state";

	static final String MEETING = "meeting";

	static final int REASON_MAX = 2000;

	private final JdbcClient jdbc;

	RegistryAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The reason of an edit: required, one paragraph at most.
	 */
	static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new FieldValidationException("reason",
					"is required: say why the record changes (it is kept with the change)");
		}
		if (reason.length() > REASON_MAX) {
			throw new FieldValidationException("reason", "must be at most " + REASON_MAX + " characters");
		}
		return reason.strip();
	}

	void record(String entity, Convention convention, String code, Map<String, Object> before,
			Map<String, Object> after, String reason) {
		String actor = actor();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		after.forEach((field, value) -> {
			Object old = (before != null) ? before.get(field) : null;
			if (!Objects.equals(text(old), text(value))) {
				this.jdbc
					.sql("insert into registry_change (entity, convention, code, field, old_value, new_value, reason, "
							+ "changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(entity, convention.name(), code, field, text(old), text(value), reason, actor,
							Timestamp.from(now))
					.update();
			}
		});
	}

	List<RegistryChange> changes(String entity, Convention convention, String code) {
		return this.jdbc
			.sql("select field, old_value, new_value, reason, changed_by, changed_at from registry_change "
					+ "where entity = ? and convention = ? and code = ? order by changed_at desc, id desc")
			.params(entity, convention.name(), code)
			.query((rs, row) -> new RegistryChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	static Map<String, Object> fields(StatePartyInput state) {
		return stateFields(state.name(), state.entryIntoForce(), state.clearanceDeadline(), state.focalPointEmail(),
				state.preferredLanguage(), state.notes());
	}

	static Map<String, Object> fields(StateParty state) {
		return stateFields(state.name(), state.entryIntoForce(), state.clearanceDeadline(), state.focalPointEmail(),
				state.preferredLanguage(), state.notes());
	}

	static Map<String, Object> fields(MeetingInput meeting) {
		return meetingFields(meeting.kind(), meeting.firstDay(), meeting.lastDay(), meeting.venue(),
				meeting.provisional());
	}

	static Map<String, Object> fields(Meeting meeting) {
		return meetingFields(meeting.kind(), meeting.firstDay(), meeting.lastDay(), meeting.venue(),
				meeting.provisional());
	}

	/**
	 * The audited fields of a State Party, by the names of the API.
	 */
	private static Map<String, Object> stateFields(Object name, Object entryIntoForce, Object clearanceDeadline,
			Object focalPointEmail, Object preferredLanguage, Object notes) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("entryIntoForce", entryIntoForce);
		fields.put("clearanceDeadline", clearanceDeadline);
		fields.put("focalPointEmail", focalPointEmail);
		fields.put("preferredLanguage", preferredLanguage);
		fields.put("notes", notes);
		return fields;
	}

	/**
	 * The audited fields of a meeting, by the names of the API.
	 */
	private static Map<String, Object> meetingFields(Object kind, Object firstDay, Object lastDay, Object venue,
			Object provisional) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind);
		fields.put("firstDay", firstDay);
		fields.put("lastDay", lastDay);
		fields.put("venue", venue);
		fields.put("provisional", provisional);
		return fields;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isEmpty() ? null : text;
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) ? authentication.getName() : "system";
	}

}
