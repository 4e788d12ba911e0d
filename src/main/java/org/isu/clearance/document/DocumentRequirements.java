package org.isu.clearance.document;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.stereotype.Component;

/**
 * The steps that need a document in the record before they are done: the completeness
 * check cannot find a request complete without the State's request ({@code request}, or a
 * {@code revised-request}), and each language's confirmation of the translation needs
 * that language's {@code analysis-official} file. Runs as a {@code complete} listener of
 * those tasks, after the outcome validation; a refusal is a 400 naming the missing
 * document in every API, and the task stays open.
 */
@Component("documentRequirements")
class DocumentRequirements implements TaskListener {

	private final DocumentStore store;

	DocumentRequirements(DocumentStore store) {
		this.store = store;
	}

	@Override
	public void notify(DelegateTask task) {
		String businessKey = task.getExecution().getProcessBusinessKey();
		switch (task.getTaskDefinitionKey()) {
			case ExtensionRequestProcess.TASK_CHECK_COMPLETENESS -> {
				if (Boolean.TRUE.equals(task.getVariable(ExtensionRequestProcess.REQUEST_COMPLETE)) && this.store
					.latest(businessKey, List.of(DocumentKind.REQUEST.code(), DocumentKind.REVISED_REQUEST.code()),
							null)
					.isEmpty()) {
					throw RejectedInput.remember(new FieldValidationException("documents",
							"the State's request must be uploaded (kind 'request') before the request is found complete"));
				}
			}
			case ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION -> {
				Object language = task.getVariable(ExtensionRequestProcess.LANGUAGE);
				if (this.store
					.latest(businessKey, List.of(DocumentKind.ANALYSIS_OFFICIAL.code()), String.valueOf(language))
					.isEmpty()) {
					throw RejectedInput.remember(new FieldValidationException("documents",
							"the " + language
									+ " version of the analysis must be uploaded (kind 'analysis-official', language '"
									+ language + "') before its translation is confirmed"));
				}
			}
			default -> {
			}
		}
	}

}
