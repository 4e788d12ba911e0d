package org.isu.clearance.request;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.review.RapporteurSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code Task_AssignRapporteur}: records the request's rapporteur. The reviewing body's
 * tasks of the request are assigned to them and stay open to the whole body.
 */
@Component
class AssignRapporteurDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(AssignRapporteurDelegate.class);

	private final RapporteurSelection selection;

	private final RuntimeService runtime;

	AssignRapporteurDelegate(RapporteurSelection selection, RuntimeService runtime) {
		this.selection = selection;
		this.runtime = runtime;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Convention convention = Convention
			.valueOf(String.valueOf(execution.getVariable(ExtensionRequestProcess.CONVENTION)));
		// the whole group's load counts, not only what the starting user may see
		String rapporteur = Context.getCommandContext()
			.runWithoutAuthorization(() -> this.selection.choose(convention, this::openRequests).orElse(null));
		if (rapporteur == null) {
			log.warn("No member in the reviewing body of the {}: request {} waits for the body as a whole", convention,
					execution.getProcessBusinessKey());
		}
		execution.setVariable(ExtensionRequestProcess.RAPPORTEUR, rapporteur);
	}

	/**
	 * How many running requests the user is rapporteur of.
	 */
	private long openRequests(String userId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
			.variableValueEquals(ExtensionRequestProcess.RAPPORTEUR, userId)
			.count();
	}

}
