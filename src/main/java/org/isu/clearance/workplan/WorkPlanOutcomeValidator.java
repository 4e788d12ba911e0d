package org.isu.clearance.workplan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

import static org.isu.clearance.workplan.CoordinationWorkPlan.*;

/**
 * Server-side check of a work-plan task's outcome (the form's checks run only in the
 * browser): the outcome note is given (at most 20 000 characters), a meeting's date is a
 * date not in the future, a document symbol is one line of at most 100 characters.
 */
@Component("workPlanOutcomeValidator")
class WorkPlanOutcomeValidator implements TaskListener {

	static final int NOTE_MAX = 20_000;

	static final int SYMBOL_MAX = 100;

	@Override
	public void notify(DelegateTask task) {
		try {
			validate(task);
		}
		catch (FieldValidationException ex) {
			throw RejectedInput.remember(ex);
		}
	}

	private static void validate(DelegateTask task) {
		String key = task.getTaskDefinitionKey();
		boolean meeting = TASK_MEETING.equals(key) || TASK_PRESENT_WORKING_PAPER.equals(key);
		boolean symbol = TASK_TRANSLATE_WORKING_PAPER.equals(key) || TASK_SUBMIT_WORKING_PAPER.equals(key);
		if (symbol) {
			Object value = task.getVariable(DOCUMENT_SYMBOL);
			if (!(value instanceof String text) || text.isBlank()) {
				throw new FieldValidationException(DOCUMENT_SYMBOL, "is required");
			}
			if (text.length() > SYMBOL_MAX || text.contains("\n") || text.contains("\r")) {
				throw new FieldValidationException(DOCUMENT_SYMBOL,
						"must be a single line of at most " + SYMBOL_MAX + " characters");
			}
			return;
		}
		Object note = task.getVariable(OUTCOME_NOTE);
		if (!(note instanceof String text) || text.isBlank()) {
			throw new FieldValidationException(OUTCOME_NOTE, "is required");
		}
		if (text.length() > NOTE_MAX) {
			throw new FieldValidationException(OUTCOME_NOTE, "must be at most " + NOTE_MAX + " characters");
		}
		if (meeting) {
			Object heldOn = task.getVariable(HELD_ON);
			if (heldOn == null || heldOn.toString().isBlank()) {
				throw new FieldValidationException(HELD_ON, "is required (yyyy-MM-dd)");
			}
			LocalDate day;
			try {
				day = LocalDate.parse(heldOn.toString().strip());
			}
			catch (DateTimeParseException ex) {
				throw new FieldValidationException(HELD_ON, "'" + heldOn + "' is not a date (yyyy-MM-dd)");
			}
			if (day.isAfter(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()))) {
				throw new FieldValidationException(HELD_ON, "must not be in the future");
			}
		}
	}

}
