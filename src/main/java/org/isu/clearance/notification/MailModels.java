package org.isu.clearance.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables the mail templates see: the request's process variables plus a few
 * derived values.
 */
final class MailModels {

	/**
	 * The request's variables a task mail shows (its State and the request's label): what
	 * the task-assigned mail and the reminders read instead of every variable.
	 */
	static final List<String> REQUEST_VARIABLES = List.of(MailVariables.STATE_NAME, MailVariables.CONVENTION,
			MailVariables.MEETING_CODE);

	private MailModels() {
	}

	static Map<String, Object> request(VariableScope scope) {
		return request(scope.getVariables());
	}

	private static Map<String, Object> request(Map<String, Object> variables) {
		Map<String, Object> model = new HashMap<>(variables);
		Object stateName = model.getOrDefault(MailVariables.STATE_NAME, "");
		Object convention = model.get(MailVariables.CONVENTION);
		Object meeting = model.get(MailVariables.MEETING_CODE);
		model.put(MailVariables.STATE_NAME, stateName);
		model.put("requestLabel", (convention == null && meeting == null) ? String.valueOf(stateName)
				: stateName + " (" + convention + ", " + meeting + ")");
		return model;
	}

	/**
	 * The same model from some of the variables only (those a template shows): the
	 * others, some stored as serialized values, are not read.
	 */
	static Map<String, Object> request(VariableScope scope, Collection<String> names) {
		Map<String, Object> variables = new HashMap<>();
		for (String name : names) {
			if (scope.hasVariable(name)) {
				variables.put(name, scope.getVariable(name));
			}
		}
		return request(variables);
	}

	static String day(Date date) {
		return (date == null) ? null : LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault()).toString();
	}

}
