package org.isu.clearance.request;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.isu.clearance.request.RequestPreparation.PreparedRequest;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareRequest}: validates the start (also when it comes from Tasklist's
 * start form), sets the computed variables and the business key, and refuses a second
 * open request for the same State and meeting. Publishes {@link ExtensionRequestStarted}
 * (the deadline watch of that State and meeting ends on it).
 */
@Component
class PrepareRequestDelegate implements JavaDelegate {

	private final RequestPreparation preparation;

	private final ExtensionRequests requests;

	private final ApplicationEventPublisher events;

	private final RequestVersions versions;

	PrepareRequestDelegate(RequestPreparation preparation, ExtensionRequests requests, ApplicationEventPublisher events,
			RequestVersions versions) {
		this.preparation = preparation;
		this.requests = requests;
		this.events = events;
		this.versions = versions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			PreparedRequest prepared = this.preparation.prepare(execution.getVariables());
			// this instance is not in the database before its first transaction commits
			this.requests.ensureNoOpenRequest(prepared.businessKey());
			execution.setProcessBusinessKey(prepared.businessKey());
			writeNotYetHeld(execution, prepared.variables());
			this.versions.recordFirst(execution.getProcessInstanceId(), prepared.businessKey(), prepared.variables(),
					Context.getCommandContext().getAuthenticatedUserId());
			this.events.publishEvent(new ExtensionRequestStarted(prepared.plan().convention().name(),
					(String) prepared.variables().get(ExtensionRequestProcess.STATE_CODE),
					prepared.plan().meeting().code(), prepared.businessKey(), execution.getProcessInstanceId()));
		}
		catch (RuntimeException ex) {
			throw (RejectedInput.causeOf(ex) != null) ? RejectedInput.remember(ex) : ex;
		}
	}

	/**
	 * Writes the prepared variables the instance does not already hold, each as it would
	 * be written: a start through {@link ExtensionRequests#start} passes them prepared,
	 * and writing them again would record every one twice in the history. A value held as
	 * another type, a transient one or an object (the list of languages, or whatever a
	 * start form or the REST API passed) is written again.
	 */
	private static void writeNotYetHeld(VariableScope execution, Map<String, Object> prepared) {
		Map<String, Object> write = new LinkedHashMap<>();
		prepared.forEach((name, value) -> {
			TypedValue held = execution.getVariableTyped(name, false);
			boolean same = held != null && !held.isTransient() && held.getType() != null
					&& held.getType().isPrimitiveValueType() && value != null && value.equals(held.getValue());
			if (!same) {
				write.put(name, value);
			}
		});
		execution.setVariables(write);
	}

}
