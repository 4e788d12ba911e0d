package org.isu.clearance.request;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * The server-side check of every task's outcome (the forms' own checks run only in the
 * browser): a missing or invalid outcome is refused with a message naming the field, the
 * task stays open and nothing is written. Runs as the first {@code complete} listener of
 * every user task, whoever completes it: Tasklist, the application's API or
 * {@code /engine-rest}. A deadline a user enters is checked against the State's current
 * deadline in the registry and the treaty's cap from the calendar, never against a
 * variable.
 */
@Component("taskOutcomeValidator")
class TaskOutcomeValidator implements TaskListener {

	private final Registry registry;

	private final DeadlineCalendar calendar;

	TaskOutcomeValidator(Registry registry, DeadlineCalendar calendar) {
		this.registry = registry;
		this.calendar = calendar;
	}

	static final int TEXT_MAX = 20_000;

	/**
	 * The decision's notes join the registry's notes of the extension (2,000 at most).
	 */
	static final int DECISION_NOTES_MAX = 1_000;

	private static final Set<String> RECOMMENDATIONS = Set.of("grant", "grant-shorter", "refuse");

	private static final Set<String> DECISIONS = Set.of("granted", "granted-shorter", "refused", "not-considered-late");

	private static final Pattern SYMBOL_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._() -]{0,79}");

	@Override
	public void notify(DelegateTask task) {
		try {
			validate(task);
		}
		catch (FieldValidationException ex) {
			throw RejectedInput.remember(ex);
		}
	}

	private void validate(DelegateTask task) {
		switch (task.getTaskDefinitionKey()) {
			case TASK_CHECK_COMPLETENESS -> {
				boolean complete = requiredBoolean(task, REQUEST_COMPLETE);
				optionalText(task, COMPLETENESS_NOTES);
				if (!complete) {
					requiredText(task, COMPLETENESS_NOTES,
							"is required when the request is incomplete: " + "say what the State must supplement");
				}
			}
			case TASK_RECORD_SUPPLEMENT -> requiredText(task, SUPPLEMENT_SUMMARY, "is required");
			case TASK_PRELIMINARY_REVIEW -> {
				requiredText(task, PRELIMINARY_FINDINGS, "is required");
				boolean questions = requiredBoolean(task, QUESTIONS_FOR_STATE);
				optionalText(task, QUESTIONS);
				if (questions) {
					requiredText(task, QUESTIONS, "is required when questions are sent to the State");
				}
			}
			case TASK_RECORD_STATE_RESPONSE -> {
				requiredText(task, RESPONSE_SUMMARY, "is required");
				boolean revised = optionalBoolean(task, REVISED_REQUEST_RECEIVED);
				LocalDate revisedDeadline = date(task, REVISED_REQUESTED_DEADLINE);
				LocalDate revisedOn = date(task, REVISED_RECEIVED_ON);
				optionalText(task, REVISED_SUMMARY);
				if (!revised && (revisedDeadline != null || revisedOn != null)) {
					throw new FieldValidationException(REVISED_REQUEST_RECEIVED,
							"must be checked when a revised request's date or deadline is given");
				}
				if (revised) {
					pastDay(REVISED_RECEIVED_ON, revisedOn, "the day the revised request was received");
					LocalDate submittedOn = date(task, SUBMITTED_ON);
					if (submittedOn != null && revisedOn.isBefore(submittedOn)) {
						throw new FieldValidationException(REVISED_RECEIVED_ON,
								"must not be before the request was received (" + submittedOn + ")");
					}
				}
				if (revisedDeadline != null) {
					withinCap(task, REVISED_REQUESTED_DEADLINE, revisedDeadline);
					task.setVariable(REQUESTED_DEADLINE, revisedDeadline.toString());
				}
			}
			case TASK_REVIEW_STATE_ANSWERS -> {
				requiredText(task, ANSWERS_ASSESSMENT, "is required");
				boolean further = requiredBoolean(task, FURTHER_QUESTIONS);
				optionalText(task, NEXT_QUESTIONS);
				if (further) {
					requiredText(task, NEXT_QUESTIONS, "is required when further questions are sent to the State");
				}
			}
			case TASK_INTERSESSIONAL_PRESENTATION -> {
				pastDay(INTERSESSIONAL_PRESENTED_ON, date(task, INTERSESSIONAL_PRESENTED_ON),
						"the day the State presented its request");
				requiredText(task, INTERSESSIONAL_PRESENTATION, "is required: what the State presented");
				requiredText(task, COMMITTEE_OBSERVATIONS, "is required: the Committee's observations");
			}
			case TASK_FINAL_REVIEW -> {
				requiredText(task, ANALYSIS, "is required");
				requiredText(task, DRAFT_DECISION, "is required");
				String recommendation = oneOf(task, RECOMMENDATION, RECOMMENDATIONS);
				LocalDate recommended = date(task, RECOMMENDED_DEADLINE);
				if (!"refuse".equals(recommendation)) {
					if (recommended == null) {
						throw new FieldValidationException(RECOMMENDED_DEADLINE,
								"is required unless the recommendation is to refuse");
					}
					withinCap(task, RECOMMENDED_DEADLINE, recommended);
					LocalDate requested = date(task, REQUESTED_DEADLINE);
					if ("grant-shorter".equals(recommendation) && requested != null
							&& !recommended.isBefore(requested)) {
						throw new FieldValidationException(RECOMMENDED_DEADLINE,
								"must be before the requested deadline " + requested + " for a shorter extension");
					}
				}
			}
			case TASK_ENDORSE_ANALYSIS -> {
				boolean endorsed = requiredBoolean(task, ENDORSED);
				optionalText(task, ENDORSEMENT_COMMENTS);
				if (!endorsed) {
					requiredText(task, ENDORSEMENT_COMMENTS,
							"is required when the analysis is sent back: tell the Analysis Group what to change");
				}
			}
			case TASK_CONFIRM_TRANSLATION -> {
				Object language = task.getVariable(LANGUAGE);
				if (language == null || !Language.codes().contains(language.toString())) {
					throw new FieldValidationException(LANGUAGE,
							"'" + language + "' is not one of the six UN languages " + Language.codes());
				}
				String symbol = requiredText(task, DOCUMENT_SYMBOL, "is required");
				if (!SYMBOL_PATTERN.matcher(symbol).matches()) {
					throw new FieldValidationException(DOCUMENT_SYMBOL,
							"must be a document symbol such as CCM/MSP/2027/3");
				}
				if (!requiredBoolean(task, TRANSLATION_CONFIRMED)) {
					throw new FieldValidationException(TRANSLATION_CONFIRMED,
							"must be confirmed: the " + language + " version is translated and issued");
				}
			}
			case TASK_PREPARE_PRESENTATION -> requiredText(task, PRESENTATION_NOTES, "is required");
			case TASK_RECORD_DECISION -> {
				String decision = oneOf(task, DECISION, DECISIONS);
				requiredText(task, DECISION_DOCUMENT, "is required (the symbol of the decision or final report)");
				String notes = optionalText(task, DECISION_NOTES);
				if (notes != null && notes.length() > DECISION_NOTES_MAX) {
					throw new FieldValidationException(DECISION_NOTES,
							"must be at most " + DECISION_NOTES_MAX + " characters");
				}
				LocalDate newDeadline = date(task, NEW_DEADLINE);
				if (decision.startsWith("granted")) {
					if (newDeadline == null) {
						throw new FieldValidationException(NEW_DEADLINE,
								"is required unless the request was refused or not considered");
					}
					withinCap(task, NEW_DEADLINE, newDeadline);
				}
			}
			default -> {
			}
		}
	}

	private void withinCap(DelegateTask task, String field, LocalDate date) {
		Convention convention = Convention.valueOf(String.valueOf(task.getVariable(CONVENTION)));
		LocalDate current = this.registry.deadline(convention, String.valueOf(task.getVariable(STATE_CODE)));
		LocalDate latest = this.calendar.latestNewDeadline(convention, current);
		if (!date.isAfter(current)) {
			throw new FieldValidationException(field, "must be after the current deadline " + current);
		}
		if (date.isAfter(latest)) {
			throw new FieldValidationException(field,
					"exceeds the " + convention + " cap: at most " + latest + " (current deadline " + current + ")");
		}
	}

	/**
	 * A day that is required and has already come: when something was received or held.
	 */
	private static void pastDay(String field, LocalDate day, String what) {
		if (day == null) {
			throw new FieldValidationException(field, "is required: " + what);
		}
		if (day.isAfter(RequestDueDates.today())) {
			throw new FieldValidationException(field, "must not be in the future");
		}
	}

	private static LocalDate date(DelegateTask task, String field) {
		return VariableDates.toLocalDate(field, task.getVariable(field));
	}

	private static String requiredText(DelegateTask task, String field, String message) {
		String text = optionalText(task, field);
		if (text == null) {
			throw new FieldValidationException(field, message);
		}
		return text;
	}

	private static String optionalText(DelegateTask task, String field) {
		Object value = task.getVariable(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new FieldValidationException(field, "must be text");
		}
		if (text.length() > TEXT_MAX) {
			throw new FieldValidationException(field, "must be at most " + TEXT_MAX + " characters");
		}
		return text.isBlank() ? null : text.strip();
	}

	private static boolean requiredBoolean(DelegateTask task, String field) {
		Object value = task.getVariable(field);
		if (value == null) {
			throw new FieldValidationException(field, "is required (true or false)");
		}
		return toBoolean(field, value);
	}

	private static boolean optionalBoolean(DelegateTask task, String field) {
		Object value = task.getVariable(field);
		return value != null && toBoolean(field, value);
	}

	private static boolean toBoolean(String field, Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if ("true".equals(value) || "false".equals(value)) {
			throw new FieldValidationException(field, "must be a boolean, not the text '" + value + "'");
		}
		throw new FieldValidationException(field, "must be true or false");
	}

	private static String oneOf(DelegateTask task, String field, Set<String> allowed) {
		Object value = task.getVariable(field);
		if (value == null || !allowed.contains(value.toString())) {
			throw new FieldValidationException(field,
					"'" + value + "' is not one of " + allowed.stream().sorted().toList());
		}
		return value.toString();
	}

}
