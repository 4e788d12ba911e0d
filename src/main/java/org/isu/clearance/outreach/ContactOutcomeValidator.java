package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

import static org.isu.clearance.outreach.DeadlineWatchProcess.*;

/**
 * Server-side check of {@code Task_ContactState}'s outcome (the form's checks run only in
 * the browser): the outcome is one of the form's options, the contact date is a date not
 * in the future (required unless no contact was needed), the notes are not too long.
 */
@Component("contactOutcomeValidator")
class ContactOutcomeValidator implements TaskListener {

	static final Set<String> OUTCOMES = Set.of("letter-sent", "meeting-held", "no-answer", "not-needed");

	static final int NOTES_MAX = 20_000;

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
		Object outcome = task.getVariable(CONTACT_OUTCOME);
		if (!(outcome instanceof String text) || !OUTCOMES.contains(text)) {
			throw new FieldValidationException(CONTACT_OUTCOME,
					"must be one of " + String.join(", ", OUTCOMES.stream().sorted().toList()));
		}
		Object contactedOn = task.getVariable(CONTACTED_ON);
		if (contactedOn == null || contactedOn.toString().isBlank()) {
			if (!"not-needed".equals(outcome)) {
				throw new FieldValidationException(CONTACTED_ON, "is required (yyyy-MM-dd)");
			}
		}
		else {
			LocalDate day;
			try {
				day = LocalDate.parse(contactedOn.toString().strip());
			}
			catch (DateTimeParseException ex) {
				throw new FieldValidationException(CONTACTED_ON, "'" + contactedOn + "' is not a date (yyyy-MM-dd)");
			}
			if (day.isAfter(DeadlineWatchDates.today())) {
				throw new FieldValidationException(CONTACTED_ON, "must not be in the future");
			}
		}
		Object notes = task.getVariable(CONTACT_NOTES);
		if (notes != null && notes.toString().length() > NOTES_MAX) {
			throw new FieldValidationException(CONTACT_NOTES, "must be at most " + NOTES_MAX + " characters");
		}
	}

}
