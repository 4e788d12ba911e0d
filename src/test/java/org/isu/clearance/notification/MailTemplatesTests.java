package org.isu.clearance.notification;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail renders from its templates in English and French, with user text escaped in
 * the HTML part and no way for it to break the subject line.
 */
class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	@ParameterizedTest
	@ValueSource(
			strings = { "task-assigned", "due-soon", "overdue", "state-acknowledgement", "state-supplement-request",
					"state-questions", "state-answers-reminder", "state-decision", "state-withdrawal" })
	void everyKindRendersInBothLanguages(String kind) {
		MailTemplates.Rendered english = this.templates.render(kind, "en", request());
		MailTemplates.Rendered french = this.templates.render(kind, "fr", request());

		assertThat(english.subject()).isNotBlank().doesNotContain("\n", "??", "${", "#{");
		assertThat(french.subject()).isNotBlank().isNotEqualTo(english.subject());
		assertThat(english.text()).contains("Implementation Support Unit").doesNotContain("??", "${", "[(");
		assertThat(french.text()).contains("Unité d'appui à l'application").doesNotContain("??", "${", "[(");
		assertThat(english.html()).startsWith("<!DOCTYPE html>")
			.contains("<title>" + english.subject().replace("'", "&#39;").replace("\"", "&quot;"))
			.contains("lang=\"en\"");
		assertThat(french.html()).contains("lang=\"fr\"");
	}

	@Test
	void aTaskMailLinksToTheTaskInTasklist() {
		Map<String, Object> model = request();
		model.put("taskName", "Final review");
		model.put("due", "2028-06-15");
		model.put("link", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");
		model.put("assigned", true);
		model.put("recipientName", "Anders Lindqvist");

		MailTemplates.Rendered mail = this.templates.render("task-assigned", "en", model);

		assertThat(mail.subject()).isEqualTo("New task: Final review – Lao People's Democratic Republic");
		assertThat(mail.text()).contains("Dear Anders Lindqvist,", "\"Final review\"", "is now yours",
				"It falls due on 2028-06-15.", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");
		assertThat(mail.html()).contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=42\"");
	}

	@Test
	void aGroupTaskMailNamesTheGroup() {
		Map<String, Object> model = request();
		model.put("taskName", "Check completeness");
		model.put("link", "http://x/t");
		model.put("assigned", false);
		model.put("groupName", "Implementation Support Unit");
		model.put("recipientName", "Ines Moreau");
		model.remove("due");

		MailTemplates.Rendered mail = this.templates.render("task-assigned", "fr", model);

		assertThat(mail.subject()).startsWith("Nouvelle tâche : Check completeness");
		assertThat(mail.text()).contains("Bonjour Ines Moreau,", "attend votre groupe (Implementation Support Unit)")
			.doesNotContain("Échéance");
	}

	@Test
	void userTextIsEscapedInHtmlAndCannotAddAHeader() {
		Map<String, Object> model = request();
		model.put("requestLabel", "Evil\r\nBcc: victim@example.org");
		model.put("questions", "<script>alert(1)</script>\n2. <b>Budget?</b>");

		MailTemplates.Rendered mail = this.templates.render("state-questions", "en", model);

		assertThat(mail.subject()).doesNotContain("\r", "\n").contains("Evil Bcc: victim@example.org");
		assertThat(mail.html()).doesNotContain("<script>", "<b>").contains("&lt;script&gt;");
		assertThat(mail.text()).contains("<script>alert(1)</script>");
	}

	@Test
	void otherLanguagesFallBackToEnglish() {
		assertThat(this.templates.render("state-acknowledgement", "es", request()).subject())
			.startsWith("Acknowledgement of receipt");
		assertThat(Outbox.language("ar")).isEqualTo("en");
		assertThat(Outbox.language("fr")).isEqualTo("fr");
		assertThat(Outbox.language(null)).isEqualTo("en");
	}

	@Test
	void theDecisionLetterSaysWhatWasDecided() {
		Map<String, Object> granted = request();
		granted.put("decision", "granted");
		Map<String, Object> refused = request();
		refused.put("decision", "refused");

		assertThat(this.templates.render("state-decision", "fr", granted).text())
			.contains("La réunion 13MSP a accordé une prolongation jusqu'au 2030-03-01 (CCM/MSP/2025/9).");
		assertThat(this.templates.render("state-decision", "en", refused).text())
			.contains("The 13MSP did not grant the requested extension.");
	}

	private static Map<String, Object> request() {
		Map<String, Object> model = new HashMap<>();
		model.put("stateName", "Lao People's Democratic Republic");
		model.put("convention", "CCM");
		model.put("meetingCode", "13MSP");
		model.put("requestLabel", "Lao People's Democratic Republic (CCM, 13MSP)");
		model.put("submittedOn", "2024-12-10");
		model.put("requestedDeadline", "2030-03-01");
		model.put("meetingFirstDay", "2025-09-16");
		model.put("completenessNotes", "Item (e) is missing.");
		model.put("questions", "1. When will the survey end?");
		model.put("due", "2025-05-16");
		model.put("decision", "granted");
		model.put("newDeadline", "2030-03-01");
		model.put("decisionDocument", "CCM/MSP/2025/9");
		model.put("withdrawalReason", "Clearance completed.");
		model.put("taskName", "Final review");
		model.put("recipientName", "Anders Lindqvist");
		model.put("link", "http://localhost:8080/camunda/app/tasklist/default/#/?task=1");
		model.put("assigned", true);
		model.put("groupName", "");
		return model;
	}

}
