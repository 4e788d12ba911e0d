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
 * registry and joins its history, in the same transaction as the recorded decision.
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
		if ("refused".equals(decision)) {
			return;
		}
		Convention convention = Convention.valueOf((String) execution.getVariable(CONVENTION));
		String stateCode = (String) execution.getVariable(STATE_CODE);
		LocalDate newDeadline = VariableDates.toLocalDate(NEW_DEADLINE, execution.getVariable(NEW_DEADLINE));
		LocalDate decidedOn = VariableDates.toLocalDate(MEETING_LAST_DAY, execution.getVariable(MEETING_LAST_DAY));
		if (!newDeadline.isAfter(this.registry.deadline(convention, stateCode))) {
			// already recorded (a retried job), or the registry was edited meanwhile
			return;
		}
		this.registry.recordExtension(convention, stateCode,
				new ExtensionInput(newDeadline, (String) execution.getVariable(MEETING_CODE), decision, decidedOn,
						(String) execution.getVariable(DECISION_DOCUMENT),
						"Recorded by request " + execution.getProcessBusinessKey(),
						"Decision of the " + execution.getVariable(MEETING_CODE) + " recorded by request "
								+ execution.getProcessBusinessKey()));
	}

}
