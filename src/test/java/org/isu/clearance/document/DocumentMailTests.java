package org.isu.clearance.document;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.notification.MailAttachment;
import org.isu.clearance.notification.MailSending;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.isu.clearance.request.RequestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * What documents change in the mails: the rapporteur hears of a new request version or
 * annex, and the decision letter to the State carries the decision document, delivered
 * through the one outbox to a real SMTP server.
 */
@ApplicationTest
class DocumentMailTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	private Registry registry;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TaskService tasks;

	@Autowired
	private ManagementService management;

	@Autowired
	private IdentityService identity;

	@Autowired
	private Documents documents;

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private org.isu.clearance.request.ExtensionRequests requests;

	private String instance;

	@AfterEach
	void tearDown() {
		if (this.instance != null
				&& this.runtime.createProcessInstanceQuery().processInstanceId(this.instance).count() > 0) {
			this.runtime.deleteProcessInstance(this.instance, "test over");
		}
	}

	@Test
	void theRapporteurHearsOfANewRequestVersionOrAnnexAndNothingElse() {
		String businessKey = start("BEN");
		String rapporteur = (String) this.runtime.getVariable(this.instance, RAPPORTEUR);
		String email = this.identity.createUserQuery().userId(rapporteur).singleResult().getEmail();

		Document request = DocumentFixtures.attach(this.documents, businessKey, "request", "en");
		DocumentFixtures.attach(this.documents, businessKey, "correspondence", "fr");
		DocumentFixtures.attach(this.documents, businessKey, "analysis-draft", "en");
		Document annex = DocumentFixtures.attach(this.documents, businessKey, "annex", "en");

		List<Map<String, Object>> mails = this.jdbc.sql(
				"select idempotency_key, recipient, subject, body_text from outbox_mail where kind = 'document-arrived'"
						+ " and business_key = ? order by id")
			.param(businessKey)
			.query()
			.listOfRows();
		assertThat(mails).extracting((mail) -> mail.get("IDEMPOTENCY_KEY"))
			.containsExactly("document:" + request.id() + ":" + rapporteur,
					"document:" + annex.id() + ":" + rapporteur);
		assertThat(mails).allSatisfy((mail) -> assertThat(mail.get("RECIPIENT")).isEqualTo(email));
		assertThat((String) mails.get(0).get("SUBJECT")).startsWith("New in the record: The State's request");
		assertThat((String) mails.get(0).get("BODY_TEXT")).contains("request-en.pdf", "isu-officer",
				"/requests/" + businessKey);
	}

	@Test
	void theDecisionLetterCarriesTheDecisionDocument() throws Exception {
		String businessKey = start("TGO");
		DocumentFixtures.attach(this.documents, businessKey, "request", "en");
		complete(TASK_CHECK_COMPLETENESS, RequestFixtures.vars(REQUEST_COMPLETE, true));
		complete(TASK_PRELIMINARY_REVIEW,
				RequestFixtures.vars(PRELIMINARY_FINDINGS, "Sound.", QUESTIONS_FOR_STATE, false));
		complete(TASK_FINAL_REVIEW, RequestFixtures.vars(ANALYSIS, "Realistic.", DRAFT_DECISION, "Grant.",
				RECOMMENDATION, "grant", RECOMMENDED_DEADLINE, "2031-11-01"));
		complete(TASK_ENDORSE_ANALYSIS, RequestFixtures.vars(ENDORSED, true));
		for (Task translation : this.tasks.createTaskQuery()
			.processInstanceId(this.instance)
			.taskDefinitionKey(TASK_CONFIRM_TRANSLATION)
			.list()) {
			String language = (String) this.tasks.getVariable(translation.getId(), LANGUAGE);
			DocumentFixtures.attach(this.documents, businessKey, "analysis-official", language);
			this.tasks.complete(translation.getId(),
					RequestFixtures.vars(DOCUMENT_SYMBOL, "CCM/MSP/2028/5", TRANSLATION_CONFIRMED, true));
		}
		complete(TASK_PREPARE_PRESENTATION, RequestFixtures.vars(PRESENTATION_NOTES, "Ready."));
		Job meeting = this.management.createJobQuery()
			.processInstanceId(this.instance)
			.activityId(TIMER_MEETING_OPENS)
			.singleResult();
		this.management.executeJob(meeting.getId());
		// the decision in French (the State's language) and in English: the letter takes
		// the French one
		byte[] decisionPdf = DocumentFixtures.pdf(300_000, 99);
		DocumentFixtures.attach(this.documents, businessKey, "decision", "en");
		Document decision = upload(businessKey, "decision", "fr", "Décision 15MSP.pdf", decisionPdf);
		complete(TASK_RECORD_DECISION, RequestFixtures.vars(DECISION, "granted", NEW_DEADLINE, "2031-11-01",
				DECISION_DOCUMENT, "CCM/MSP/2028/9"));
		runJobs();

		String key = "state:decision:" + this.instance + ":1";
		assertThat(this.outbox.attachments(key))
			.containsExactly(new MailAttachment(decision.id(), "Décision 15MSP.pdf", "application/pdf"));

		org.springframework.mail.javamail.JavaMailSenderImpl client = new org.springframework.mail.javamail.JavaMailSenderImpl();
		client.setHost("127.0.0.1");
		client.setPort(SMTP_PORT);
		MailSending.deliver(this.jdbc, client, this.outbox, this.applicationContext);
		// this request's letter: the shared context's other tests leave letters of their
		// own
		// in the outbox
		MimeMessage letter = java.util.Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return (mail.getSubject().contains("Decision") || mail.getSubject().contains("Décision"))
						&& java.util.Arrays.stream(mail.getAllRecipients())
							.anyMatch((to) -> to.toString().equalsIgnoreCase("focal.tgo@example.org"));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		Part attached = attachment((Multipart) letter.getContent());
		assertThat(MimeUtility.decodeText(attached.getFileName())).isEqualTo("Décision 15MSP.pdf");
		assertThat(attached.getContentType()).startsWith("application/pdf");
		try (InputStream in = attached.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			assertThat(out.toByteArray()).isEqualTo(decisionPdf);
		}
	}

	@Autowired
	private org.springframework.context.ApplicationContext applicationContext;

	private Document upload(String businessKey, String kind, String language, String filename, byte[] content)
			throws Exception {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("decision-", ".pdf");
		try {
			java.nio.file.Files.write(file, content);
			return this.documents
				.upload(new Documents.Upload(businessKey, kind, language, null, filename, file, "isu-officer"));
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	private static Part attachment(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
			if (part.getContent() instanceof Multipart nested) {
				Part found = attachment(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private String start(String code) {
		DocumentFixtures.state(this.registry, code, "2028-11-01");
		Map<String, Object> input = new HashMap<>();
		input.put("convention", "CCM");
		input.put("stateCode", code);
		input.put("requestedDeadline", "2031-11-01");
		input.put("submittedOn", "2026-11-20");
		input.put("summary", "More time for the remaining areas.");
		var started = this.requests.start(input);
		this.instance = started.processInstanceId();
		runJobs();
		return started.businessKey();
	}

	private void complete(String taskKey, Map<String, Object> variables) {
		RequestFixtures.completeTask(this.tasks, this.instance, taskKey, variables);
	}

	private void runJobs() {
		RequestFixtures.runAsyncSteps(this.management, this.instance);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
