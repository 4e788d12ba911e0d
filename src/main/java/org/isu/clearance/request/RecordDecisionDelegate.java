package org.isu.clearance.request;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.ExtensionInput;
import org.isu.clearance.registry.Registry;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * {@code Task_UpdateRegistry}: a granted extension moves the State's deadline in the
 * registry and joins its history, in the same transaction as the recorded decision; a
 * refused or not considered (late) one joins the history and leaves the deadline as it
 * is.
 */
@Component
class RecordDecisionDelegate implements JavaDelegate {

	private final Registry registry;

	RecordDecisionDelegate(Registry registry) {
		this.registry = registry;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String decision = (String) execution.getVariable(DECISION);
		Convention convention = Convention.valueOf((String) execution.getVariable(CONVENTION));
		String stateCode = (String) execution.getVariable(STATE_CODE);
		String meetingCode = (String) execution.getVariable(MEETING_CODE);
		LocalDate decidedOn = VariableDates.toLocalDate(MEETING_LAST_DAY, execution.getVariable(MEETING_LAST_DAY));
		if (!decision.startsWith("granted")) {
			// refused or not considered: the history keeps it, the deadline D stays
			boolean recorded = this.registry.state(convention, stateCode)
				.extensions()
				.stream()
				.anyMatch((extension) -> decision.equals(extension.decision())
						&& meetingCode.equals(extension.meetingCode()));
			if (!recorded) {
				this.registry.recordExtension(convention, stateCode,
						new ExtensionInput(null, meetingCode, decision, decidedOn,
								(String) execution.getVariable(DECISION_DOCUMENT), notes(execution), "Decision of the "
										+ meetingCode + " recorded by request " + execution.getProcessBusinessKey()));
			}
			return;
		}
		LocalDate newDeadline = VariableDates.toLocalDate(NEW_DEADLINE, execution.getVariable(NEW_DEADLINE));
		if (!newDeadline.isAfter(this.registry.deadline(convention, stateCode))) {
			// already recorded (a retried job), or the registry was edited meanwhile
			return;
		}
		this.registry.recordExtension(convention, stateCode,
				new ExtensionInput(newDeadline, (String) execution.getVariable(MEETING_CODE), decision, decidedOn,
						(String) execution.getVariable(DECISION_DOCUMENT), notes(execution),
						"Decision of the " + execution.getVariable(MEETING_CODE) + " recorded by request "
								+ execution.getProcessBusinessKey()));
	}

	/**
	 * The extension's notes: the request that recorded it, then the decision's notes when
	 * the ISU gave any.
	 */
	private static String notes(DelegateExecution execution) {
		String recorded = "Recorded by request " + execution.getProcessBusinessKey();
		Object notes = execution.getVariable(DECISION_NOTES);
		return (notes == null || notes.toString().isBlank()) ? recorded : recorded + ". " + notes.toString().strip();
	}

}
