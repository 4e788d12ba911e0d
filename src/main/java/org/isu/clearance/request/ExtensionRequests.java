package org.isu.clearance.request;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.request.RequestPreparation.PreparedRequest;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.shared.ConflictException;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.stereotype.Service;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * Starts and withdraws extension requests. Engine calls run as the signed-in user, so
 * Camunda's authorizations apply.
 */
@Service
public class ExtensionRequests {

	private final RuntimeService runtime;

	private final RequestPreparation preparation;

	private final IdentityService identity;

	ExtensionRequests(RuntimeService runtime, RequestPreparation preparation, IdentityService identity) {
		this.runtime = runtime;
		this.preparation = preparation;
		this.identity = identity;
	}

	/**
	 * Validates a new request and starts its process instance.
	 * @throws FieldValidationException naming the field at fault
	 * @throws ConflictException when the State already has an open request for that
	 * meeting
	 */
	public StartedRequest start(Map<String, Object> input) {
		PreparedRequest prepared = this.preparation.prepare(input);
		ensureNoOpenRequest(prepared.businessKey());
		ProcessInstance instance = this.runtime.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(prepared.businessKey())
			.setVariables(prepared.variables())
			.execute();
		return new StartedRequest(prepared.businessKey(), instance.getId(), prepared.plan().meeting().code(),
				(String) prepared.variables().get(ExtensionRequestProcess.SUBMISSION_DUE),
				Boolean.TRUE.equals(prepared.variables().get(ExtensionRequestProcess.LATE_SUBMISSION)),
				Boolean.TRUE.equals(prepared.variables().get(ExtensionRequestProcess.DEADLINE_EXPIRED)));
	}

	void ensureNoOpenRequest(String businessKey) {
		if (isOpen(businessKey)) {
			throw new ConflictException(
					"An open request " + businessKey + " already exists for this State and meeting");
		}
	}

	/**
	 * Whether a request with this business key is open (running): the one place that
	 * answers it, for every module.
	 */
	public boolean isOpen(String businessKey) {
		return AsSystem.call(this.identity,
				() -> this.runtime.createProcessInstanceQuery()
					.processDefinitionKey(PROCESS_KEY)
					.processInstanceBusinessKey(businessKey)
					.count() > 0);
	}

	/**
	 * Ends an open request at {@code End_Withdrawn}, from whatever stage it is in.
	 */
	public void withdraw(String businessKey, String reason) {
		String text = RequestPreparation.text(reason);
		if (text == null) {
			throw new FieldValidationException("reason", "is required");
		}
		if (text.length() > RequestPreparation.SUMMARY_MAX) {
			throw new FieldValidationException("reason",
					"must be at most " + RequestPreparation.SUMMARY_MAX + " characters");
		}
		if (!isOpen(businessKey)) {
			throw new NotFoundException("No open extension request " + businessKey);
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(WITHDRAWAL_REASON, text);
		// the caller's role was checked by the API; no user may correlate messages or
		// write
		// variables on the engine directly
		AsSystem.call(this.identity,
				() -> this.runtime.createMessageCorrelation(MESSAGE_WITHDRAWN)
					.processInstanceBusinessKey(businessKey)
					.setVariables(variables)
					.correlateWithResult());
	}

	/**
	 * What the API answers when a request was started.
	 *
	 * @param late received after its submission due date
	 * @param deadlineExpired received after the State's clearance deadline had expired
	 */
	public record StartedRequest(String businessKey, String processInstanceId, String meetingCode, String submissionDue,
			boolean late, boolean deadlineExpired) {

	}

}
