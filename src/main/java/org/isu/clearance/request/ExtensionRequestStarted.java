package org.isu.clearance.request;

/**
 * An extension request was started for a State and meeting, from the API or from
 * Tasklist's start form. Published in the transaction that starts the request.
 *
 * @param businessKey {@code {convention}-{stateCode}-{meetingCode}}
 */
public record ExtensionRequestStarted(String convention, String stateCode, String meetingCode, String businessKey,
		String processInstanceId) {

}
