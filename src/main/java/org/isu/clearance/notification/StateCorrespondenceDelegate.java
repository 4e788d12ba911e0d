package org.isu.clearance.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Letters to the requesting State's focal point (acknowledgement, supplement request,
 * questions, reminder of the answers, decision, withdrawal), written to the outbox from
 * the templates {@code mail/state-{letter}.*} in the State's preferred language where the
 * letter exists in it (English, French, Spanish), otherwise in English (see
 * {@link MailTemplates#language}). The letter comes from the activity's input parameter
 * {@code letter}; an optional input parameter {@code dueOf} names the waiting task whose
 * due date the letter quotes. A letter carries the documents {@link LetterAttachments}
 * name for it in the State's preferred language (the decision letter: the decision, which
 * exists in all six languages even where the letter falls back to English). The key
 * counts each kind of letter per request, so a retried job writes nothing twice and a
 * second round of questions is a new letter.
 */
@Component
class StateCorrespondenceDelegate implements JavaDelegate {

	private final Outbox outbox;

	private final Recipients recipients;

	private final TaskService tasks;

	private final ObjectProvider<LetterAttachments> attachments;

	StateCorrespondenceDelegate(Outbox outbox, Recipients recipients, TaskService tasks,
			ObjectProvider<LetterAttachments> attachments) {
		this.outbox = outbox;
		this.recipients = recipients;
		this.tasks = tasks;
		this.attachments = attachments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String letter = (String) execution.getVariable(MailVariables.LETTER);
		String counterName = "letters_" + letter.replace('-', '_');
		Object previous = execution.getVariable(counterName);
		int number = (previous instanceof Number count) ? count.intValue() + 1 : 1;
		execution.getProcessInstance().setVariable(counterName, number);
		Map<String, Object> model = MailModels.request(execution);
		String dueOf = (String) execution.getVariable(MailVariables.DUE_OF);
		if (dueOf != null) {
			Task waiting = this.tasks.createTaskQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.taskDefinitionKey(dueOf)
				.singleResult();
			if (waiting == null) {
				return;
			}
			model.put("due", MailModels.day(waiting.getDueDate()));
		}
		Recipients.Recipient focalPoint = this.recipients.focalPoint(model).orElse(null);
		if (focalPoint == null) {
			return;
		}
		String language = (focalPoint.language() != null) ? focalPoint.language() : MailTemplates.DEFAULT_LANGUAGE;
		List<MailAttachment> files = this.attachments.stream()
			.flatMap((source) -> source.forLetter(execution.getProcessBusinessKey(), letter, language).stream())
			.toList();
		this.outbox
			.enqueue(new Outbox.TemplatedMail("state:" + letter + ":" + execution.getProcessInstanceId() + ":" + number,
					"state-" + letter, focalPoint.email(), focalPoint.language(), model,
					execution.getProcessBusinessKey(), execution.getProcessInstanceId(), null, files));
	}

}
