package org.isu.clearance.request;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.RejectedInput;

import org.springframework.beans.factory.ObjectProvider;
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

	private final ObjectProvider<RequestDocuments> documents;

	DocumentRequirements(ObjectProvider<RequestDocuments> documents) {
		this.documents = documents;
	}

	@Override
	public void notify(DelegateTask task) {
		String businessKey = task.getExecution().getProcessBusinessKey();
		switch (task.getTaskDefinitionKey()) {
			case ExtensionRequestProcess.TASK_CHECK_COMPLETENESS -> {
				if (Boolean.TRUE.equals(task.getVariable(ExtensionRequestProcess.REQUEST_COMPLETE))
						&& !record().hasStatesRequest(businessKey)) {
					throw RejectedInput.remember(new FieldValidationException("documents",
							"the State's request must be uploaded (kind 'request') before the request is found complete"));
				}
			}
			case ExtensionRequestProcess.TASK_CONFIRM_TRANSLATION -> {
				Object language = task.getVariable(ExtensionRequestProcess.LANGUAGE);
				if (!record().hasOfficialAnalysis(businessKey, String.valueOf(language))) {
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

	/**
	 * The record's documents; without the document module, none (the check refuses).
	 */
	private RequestDocuments record() {
		RequestDocuments record = this.documents.getIfAvailable();
		if (record == null) {
			throw new IllegalStateException("No document module to check the record's documents");
		}
		return record;
	}

}
