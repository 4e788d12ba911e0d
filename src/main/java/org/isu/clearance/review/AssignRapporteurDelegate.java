package org.isu.clearance.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code Task_AssignRapporteur}: records the request's rapporteur. The Analysis Group's
 * tasks of the request are assigned to them and stay open to the whole group.
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
		// the whole group's load counts, not only what the starting user may see
		String rapporteur = Context.getCommandContext()
			.runWithoutAuthorization(() -> this.selection.choose().orElse(null));
		if (rapporteur == null) {
			log.warn("No member in the analysis group: request {} waits for the group as a whole",
					execution.getProcessBusinessKey());
		}
		execution.setVariable(RapporteurSelection.RAPPORTEUR, rapporteur);
	}

}
