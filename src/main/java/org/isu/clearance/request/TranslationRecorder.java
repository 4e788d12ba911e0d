package org.isu.clearance.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.DOCUMENT_SYMBOL;
import static org.isu.clearance.request.ExtensionRequestProcess.LANGUAGE;

/**
 * Keeps each language version's document symbol as its own process variable
 * ({@code documentSymbol_fr}), so the six parallel confirmations never overwrite one
 * another.
 */
@Component("translationRecorder")
class TranslationRecorder implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		String language = String.valueOf(task.getVariable(LANGUAGE));
		task.getExecution()
			.getProcessInstance()
			.setVariable(DOCUMENT_SYMBOL + "_" + language, String.valueOf(task.getVariable(DOCUMENT_SYMBOL)).strip());
	}

}
