package org.isu.clearance.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.isu.clearance.request.RequestPreparation.PreparedRequest;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareRequest}: validates the start (also when it comes from Tasklist's
 * start form), sets the computed variables and the business key, and refuses a second
 * open request for the same State and meeting.
 */
@Component
class PrepareRequestDelegate implements JavaDelegate {

	private final RequestPreparation preparation;

	private final ExtensionRequests requests;

	PrepareRequestDelegate(RequestPreparation preparation, ExtensionRequests requests) {
		this.preparation = preparation;
		this.requests = requests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			PreparedRequest prepared = this.preparation.prepare(execution.getVariables());
			// this instance is not in the database before its first transaction commits
			this.requests.ensureNoOpenRequest(prepared.businessKey());
			execution.setProcessBusinessKey(prepared.businessKey());
			execution.setVariables(prepared.variables());
		}
		catch (RuntimeException ex) {
			throw (RejectedInput.causeOf(ex) != null) ? RejectedInput.remember(ex) : ex;
		}
	}

}
