package org.isu.clearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.isu.clearance.registry.Convention;
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

	AssignRapporteurDelegate(RapporteurSelection selection) {
		this.selection = selection;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Convention convention = Convention.valueOf(String.valueOf(execution.getVariable(ReviewBodies.CONVENTION)));
		// the whole group's load counts, not only what the starting user may see
		String rapporteur = Context.getCommandContext()
			.runWithoutAuthorization(() -> this.selection.choose(convention).orElse(null));
		if (rapporteur == null) {
			log.warn("No member in the reviewing body of the {}: request {} waits for the body as a whole", convention,
					execution.getProcessBusinessKey());
		}
		execution.setVariable(RapporteurSelection.RAPPORTEUR, rapporteur);
	}

}
