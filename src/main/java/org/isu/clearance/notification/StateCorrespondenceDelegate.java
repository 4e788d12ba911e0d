package org.isu.clearance.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Letters to the requesting State's focal point (acknowledgement, supplement request,
 * questions, decision, withdrawal), written to the outbox. The letter comes from the
 * activity's input parameter {@code letter}. The key counts each kind of letter per
 * request, so a retried job writes nothing twice and a second round of questions is a new
 * letter.
 */
@Component
class StateCorrespondenceDelegate implements JavaDelegate {

	private final Outbox outbox;

	StateCorrespondenceDelegate(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String letter = (String) execution.getVariable("letter");
		String counterName = "letters_" + letter.replace('-', '_');
		Object previous = execution.getVariable(counterName);
		int number = (previous instanceof Number count) ? count.intValue() + 1 : 1;
		execution.getProcessInstance().setVariable(counterName, number);
		Map<String, Object> variables = execution.getVariables();
		String language = Letters.language(variables.get("preferredLanguage"));
		String recipient = (String) variables.get("focalPointEmail");
		if (recipient == null || recipient.isBlank()) {
			return;
		}
		this.outbox.enqueue(new OutgoingMail("state:" + letter + ":" + execution.getProcessInstanceId() + ":" + number,
				"state-" + letter, recipient, language, Letters.stateSubject(letter, language, variables),
				Letters.stateBody(letter, language, variables), null, execution.getProcessBusinessKey(),
				execution.getProcessInstanceId(), null));
	}

}
