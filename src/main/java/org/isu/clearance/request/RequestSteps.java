package org.isu.clearance.request;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.isu.clearance.registry.Convention;

import org.springframework.stereotype.Component;

/**
 * The steps a request goes through under its convention, from configuration: the model's
 * gateways ask {@code ${requestSteps.intersessionalPresentation(execution)}} and
 * {@code ${requestSteps.endorsement(execution)}}, so one model serves the CCM's Article 4
 * process and the APMBC's Article 5 process.
 */
@Component("requestSteps")
public class RequestSteps {

	private final RequestProperties properties;

	RequestSteps(RequestProperties properties) {
		this.properties = properties;
	}

	public boolean intersessionalPresentation(VariableScope variables) {
		return steps(variables).intersessionalPresentation();
	}

	public boolean endorsement(VariableScope variables) {
		return steps(variables).endorsement();
	}

	/**
	 * The intake checklist of the convention, as the Markdown list the completeness form
	 * shows.
	 */
	public String checklist(Convention convention) {
		return this.properties.steps(convention)
			.checklist()
			.stream()
			.map((item) -> "- ☐ " + item)
			.collect(Collectors.joining("\n"));
	}

	private RequestProperties.Steps steps(VariableScope variables) {
		return this.properties
			.steps(Convention.valueOf(String.valueOf(variables.getVariable(ExtensionRequestProcess.CONVENTION))));
	}

}
