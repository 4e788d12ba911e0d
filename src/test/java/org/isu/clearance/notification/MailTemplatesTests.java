package org.isu.clearance.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.isu.clearance.registry.Article7Counts;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.MeetingKind;
import org.isu.clearance.workplan.QuarterDigest;
import org.isu.clearance.workplan.WorkPlanActivities;
import org.isu.clearance.workplan.WorkPlanQuarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One renderer, one template root ({@code classpath:mail/}), one bundle per language:
 * every letter to a State renders in English, French and Spanish, the internal mails in
 * English and French; a language without the template gives English and says it fell
 * back. User text is escaped in the HTML part and cannot break the subject line.
 */
class MailTemplatesTests {

	/** Every letter to a State. */
	static final List<String> LETTERS = List.of("state-acknowledgement", "state-supplement-request", "state-questions",
			"state-answers-reminder", "state-decision", "state-withdrawal", "state-focal-point-reminder",
			"state-article7-reminder");

	/** Every mail to a user. */
	static final List<String> INTERNAL = List.of("task-assigned", "due-soon", "overdue", "document-arrived",
			"submission-overdue", "quarter-digest");

	private final MailTemplates templates = new MailTemplates();

	static Stream<Arguments> lettersInTheirLanguages() {
		return Stream.of(
				// acknowledgement
				Arguments.of("state-acknowledgement", "en",
						"Acknowledgement of receipt: extension request – Lao People's Democratic Republic (CCM, 13MSP)",
						"The Implementation Support Unit received on 2024-12-10 the request of Lao People's Democratic Republic to extend its clearance deadline to 2030-03-01."),
				Arguments.of("state-acknowledgement", "fr",
						"Accusé de réception : demande de prolongation – Lao People's Democratic Republic (CCM, 13MSP)",
						"L'Unité d'appui à l'application a reçu le 2024-12-10 la demande de Lao People's Democratic Republic"),
				Arguments.of("state-acknowledgement", "es",
						"Acuse de recibo: solicitud de prórroga – Lao People's Democratic Republic (CCM, 13MSP)",
						"La Dependencia de Apoyo a la Aplicación recibió el 2024-12-10 la solicitud de Lao People's Democratic Republic de que se prorrogue su plazo de limpieza hasta el 2030-03-01."),
				// supplement request
				Arguments.of("state-supplement-request", "en", "Further information needed: extension request – ",
						"The request is not yet complete."),
				Arguments.of("state-supplement-request", "fr",
						"Informations complémentaires requises : demande de prolongation – ",
						"La demande n'est pas encore complète."),
				Arguments.of("state-supplement-request", "es",
						"Se requiere información adicional: solicitud de prórroga – ",
						"La solicitud aún no está completa."),
				// questions
				Arguments.of("state-questions", "en", "Questions from the Analysis Group: extension request – ",
						"The Analysis Group has reviewed the request"),
				Arguments.of("state-questions", "fr", "Questions du Groupe d'analyse : demande de prolongation – ",
						"Le Groupe d'analyse a examiné la demande"),
				Arguments.of("state-questions", "es", "Preguntas del Grupo de Análisis: solicitud de prórroga – ",
						"El Grupo de Análisis ha examinado la solicitud"),
				// answers reminder
				Arguments.of("state-answers-reminder", "en",
						"Reminder: answers to the Analysis Group due on 2025-05-16 – ",
						"Please send them, or a revised request, by 2025-05-16"),
				Arguments.of("state-answers-reminder", "fr",
						"Rappel : réponses au Groupe d'analyse attendues le 2025-05-16 – ",
						"Merci de les envoyer, ou d'envoyer une demande révisée, d'ici le 2025-05-16"),
				Arguments.of("state-answers-reminder", "es",
						"Recordatorio: respuestas al Grupo de Análisis previstas para el 2025-05-16 – ",
						"Le rogamos que las envíe, o que envíe una solicitud revisada, a más tardar el 2025-05-16"),
				// decision
				Arguments.of("state-decision", "en", "Decision of the meeting: extension request – ",
						"The 13MSP granted an extension until 2030-03-01 (CCM/MSP/2025/9)."),
				Arguments.of("state-decision", "fr", "Décision de la réunion : demande de prolongation – ",
						"La réunion 13MSP a accordé une prolongation jusqu'au 2030-03-01 (CCM/MSP/2025/9)."),
				Arguments.of("state-decision", "es", "Decisión de la reunión: solicitud de prórroga – ",
						"La reunión 13MSP concedió una prórroga hasta el 2030-03-01 (CCM/MSP/2025/9)."),
				// withdrawal
				Arguments.of("state-withdrawal", "en", "Withdrawal recorded: extension request – ",
						"The withdrawal of the request has been recorded. Reason: Clearance completed."),
				Arguments.of("state-withdrawal", "fr", "Retrait enregistré : demande de prolongation – ",
						"Le retrait de la demande a été enregistré. Motif : Clearance completed."),
				Arguments.of("state-withdrawal", "es", "Retiro registrado: solicitud de prórroga – ",
						"Se ha registrado el retiro de la solicitud. Motivo: Clearance completed."),
				// focal-point reminder (the first)
				Arguments.of("state-focal-point-reminder", "en",
						"Reminder: extension request of Lao People's Democratic Republic due by 2027-12-15 (CCM, 13MSP)",
						"The clearance deadline of Lao People's Democratic Republic under Article 4 of the Convention on Cluster Munitions is 2028-11-01."),
				Arguments.of("state-focal-point-reminder", "fr",
						"Rappel : demande de prolongation de Lao People's Democratic Republic attendue au plus tard le 2027-12-15 (CCM, 13MSP)",
						"Le délai de dépollution de Lao People's Democratic Republic au titre de l'article 4 de la Convention sur les armes à sous-munitions expire le 2028-11-01."),
				Arguments.of("state-focal-point-reminder", "es",
						"Recordatorio: solicitud de prórroga de Lao People's Democratic Republic prevista a más tardar para el 2027-12-15 (CCM, 13MSP)",
						"El plazo de limpieza de Lao People's Democratic Republic en virtud del artículo 4 de la Convención sobre Municiones en Racimo vence el 2028-11-01."),
				// Article 7 reminder (the first)
				Arguments.of("state-article7-reminder", "en",
						"Reminder: CCM Article 7 transparency report of Lao People's Democratic Republic due 2027-04-30",
						"covering the calendar year 2026, is due to the Secretary-General of the United Nations by 2027-04-30."),
				Arguments.of("state-article7-reminder", "fr",
						"Rappel : rapport de transparence de Lao People's Democratic Republic au titre de l'article 7 (CCM) attendu le 2027-04-30",
						"portant sur l'année civile 2026, doit être remis au Secrétaire général de l'Organisation des Nations Unies au plus tard le 2027-04-30."),
				Arguments.of("state-article7-reminder", "es",
						"Recordatorio: informe de transparencia de Lao People's Democratic Republic en virtud del artículo 7 (CCM), previsto para el 2027-04-30",
						"correspondiente al año civil 2026, debe presentarse al Secretario General de las Naciones Unidas a más tardar el 2027-04-30."));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("lettersInTheirLanguages")
	void everyLetterToAStateIsWrittenInEnglishFrenchAndSpanish(String letter, String language, String subject,
			String phrase) {
		MailTemplates.Rendered mail = this.templates.render(letter, language, request());

		assertThat(mail.language()).isEqualTo(new MailLanguage(language, language));
		assertThat(mail.language().fellBack()).isFalse();
		assertThat(mail.subject()).startsWith(subject).doesNotContain("\n", "??", "${", "#{");
		assertThat(mail.text()).contains(phrase)
			.startsWith(Map.of("en", "Dear focal point,", "fr", "Madame, Monsieur,", "es", "Estimado punto focal:")
				.get(language))
			.endsWith(Map
				.of("en", "Implementation Support Unit\n", "fr", "Unité d'appui à l'application\n", "es",
						"Dependencia de Apoyo a la Aplicación\n")
				.get(language))
			.doesNotContain("??", "${", "[(");
		assertThat(mail.html()).startsWith("<!DOCTYPE html>")
			.contains("lang=\"" + language + "\"")
			.contains(phrase.substring(0, Math.min(30, phrase.length())).replace("'", "&#39;"))
			.doesNotContain("??");
	}

	@ParameterizedTest
	@ValueSource(strings = { "task-assigned", "due-soon", "overdue", "document-arrived", "submission-overdue",
			"quarter-digest", "state-acknowledgement", "state-supplement-request", "state-questions",
			"state-answers-reminder", "state-decision", "state-withdrawal", "state-focal-point-reminder",
			"state-article7-reminder" })
	void everyMailRendersInEnglishAndFrench(String kind) {
		MailTemplates.Rendered english = this.templates.render(kind, "en", request());
		MailTemplates.Rendered french = this.templates.render(kind, "fr", request());

		assertThat(english.subject()).isNotBlank().doesNotContain("\n", "??", "${", "#{");
		assertThat(french.subject()).isNotBlank().isNotEqualTo(english.subject()).doesNotContain("??");
		assertThat(english.text()).contains("Implementation Support Unit").doesNotContain("??", "${", "[(");
		assertThat(french.text()).contains("Unité d'appui à l'application").doesNotContain("??", "${", "[(");
		assertThat(english.html()).startsWith("<!DOCTYPE html>")
			.contains("<title>" + english.subject().replace("'", "&#39;").replace("\"", "&quot;"))
			.contains("lang=\"en\"")
			.doesNotContain("??");
		assertThat(french.html()).contains("lang=\"fr\"").doesNotContain("??");
	}

	@ParameterizedTest
	@EnumSource(value = Language.class, names = { "ar", "zh", "ru" })
	void aStateWhoseLanguageHasNoLetterGetsItInEnglishAndTheFallbackIsRecorded(Language preferred) {
		for (String letter : LETTERS) {
			MailLanguage language = MailTemplates.language(letter, preferred);
			assertThat(language.requested()).isEqualTo(preferred.name());
			assertThat(language.used()).isEqualTo("en");
			assertThat(language.fellBack()).isTrue();

			MailTemplates.Rendered mail = this.templates.render(letter, preferred.name(), request());
			assertThat(mail.language()).isEqualTo(language);
			assertThat(mail.text()).startsWith("Dear focal point,").contains("Implementation Support Unit");
			assertThat(mail.html()).contains("lang=\"en\"");
		}
		assertThat(MailTemplates.language("state-decision", preferred).note()).isEqualTo("Sent in English: no "
				+ Map.of(Language.ar, "Arabic", Language.zh, "Chinese", Language.ru, "Russian").get(preferred)
				+ " template");
	}

	@Test
	void theLanguageIsChosenInOnePlace() {
		for (String letter : LETTERS) {
			for (Language language : List.of(Language.en, Language.fr, Language.es)) {
				assertThat(MailTemplates.language(letter, language))
					.isEqualTo(new MailLanguage(language.name(), language.name()));
			}
		}
		// no preference: English, no fallback to speak of
		assertThat(MailTemplates.language("state-acknowledgement", (String) null))
			.isEqualTo(new MailLanguage(null, "en"));
		assertThat(MailTemplates.language("task-assigned", " ")).isEqualTo(new MailLanguage(null, "en"));
		assertThat(MailTemplates.language("task-assigned", (Language) null).fellBack()).isFalse();
		assertThat(MailTemplates.language("task-assigned", "FR")).isEqualTo(new MailLanguage("fr", "fr"));
		// internal mails: English and French; Spanish where it is cheap (not the digest,
		// whose work-plan labels exist in English and French only)
		assertThat(MailTemplates.language("task-assigned", "es").used()).isEqualTo("es");
		assertThat(MailTemplates.language("submission-overdue", "es").used()).isEqualTo("es");
		assertThat(MailTemplates.language("quarter-digest", "fr").used()).isEqualTo("fr");
		assertThat(MailTemplates.language("quarter-digest", "es")).satisfies((language) -> {
			assertThat(language.used()).isEqualTo("en");
			assertThat(language.note()).isEqualTo("Sent in English: no Spanish template");
		});
		// a code no bundle exists for, or no code at all
		assertThat(MailTemplates.language("task-assigned", "de").note())
			.isEqualTo("Sent in English: no German template");
		assertThat(MailTemplates.language("task-assigned", "../x").used()).isEqualTo("en");
		// an unknown template exists in no language but English
		assertThat(MailTemplates.language("no-such-mail", "fr").used()).isEqualTo("en");
	}

	@Test
	void aMailNeverMixesTwoLanguages() throws IOException {
		Properties english = bundle("");
		Properties french = bundle("_fr");
		Properties spanish = bundle("_es");

		// French has every key
		assertThat(new TreeSet<>(french.stringPropertyNames())).containsAll(english.stringPropertyNames());
		// Spanish has every key of every letter to a State, and every shared key
		Set<String> templates = new TreeSet<>();
		english.stringPropertyNames()
			.stream()
			.filter((key) -> key.matches("[^.]+\\.subject"))
			.forEach((key) -> templates.add(key.substring(0, key.indexOf('.'))));
		assertThat(templates).containsAll(LETTERS).containsAll(INTERNAL);
		english.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("state-") || !templates.contains(key.split("\\.")[0]))
			.forEach((key) -> assertThat(spanish).as("messages_es.properties").containsKey(key));
		// and no key that English lacks
		assertThat(english.stringPropertyNames()).containsAll(french.stringPropertyNames())
			.containsAll(spanish.stringPropertyNames());
	}

	@Test
	void anInternalMailFollowsTheUsersLanguage() {
		Map<String, Object> model = request();
		model.put("taskName", "Check completeness");
		model.put("assigned", false);
		model.put("groupName", "Implementation Support Unit");
		model.put("recipientName", "Ines Moreau");

		assertThat(this.templates.render("task-assigned", "es", model)).satisfies((mail) -> {
			assertThat(mail.subject()).startsWith("Nueva tarea: Check completeness");
			assertThat(mail.text()).startsWith("Estimado/a Ines Moreau:").contains("está a la espera de su grupo");
		});
		assertThat(this.templates.render("quarter-digest", "es", request())).satisfies((mail) -> {
			assertThat(mail.language()).isEqualTo(new MailLanguage("es", "en"));
			assertThat(mail.subject()).isEqualTo("Work plan Q2: 2027-04-01 to 2027-06-30");
		});
	}

	@Test
	void noLateLetterStatesAGeneralRuleThatLateRequestsAreNotApproved() {
		for (String convention : List.of("CCM", "APMBC")) {
			for (String reminder : List.of("first", "second", "final")) {
				for (String language : List.of("en", "fr", "es")) {
					Map<String, Object> model = request();
					model.put("convention", convention);
					model.put("reminder", reminder);
					String text = this.templates.render("state-focal-point-reminder", language, model).text();
					assertThat(text).doesNotContainIgnoringCase("not approved")
						.doesNotContainIgnoringCase("not be considered")
						.doesNotContainIgnoringCase("pas été approuvé")
						.doesNotContainIgnoringCase("pas être examinée")
						.doesNotContainIgnoringCase("no fueron aprobadas")
						.doesNotContain("22MSP");
				}
			}
		}
		Map<String, Object> ccm = request();
		ccm.put("reminder", "final");
		assertThat(this.templates.render("state-focal-point-reminder", "en", ccm).text()).contains(
				"The request is due on 2027-12-15, in two weeks.",
				"Article 4(6) of the Convention provides that each request shall be submitted a minimum of nine months before");
		assertThat(this.templates.render("state-focal-point-reminder", "en", ccm).subject())
			.startsWith("Last reminder: ");

		// the coordinators' alert: the treaty's rule for a CCM State, the APMBC precedent
		// only for an APMBC one
		assertThat(this.templates.render("submission-overdue", "en", request()).text())
			.contains("No extension request of Lao People's Democratic Republic arrived by 2027-12-15",
					"Article 4(6) of the Convention on Cluster Munitions", "recorded as late")
			.doesNotContainIgnoringCase("not approved")
			.doesNotContain("22MSP");
		Map<String, Object> apmbc = request();
		apmbc.put("convention", "APMBC");
		assertThat(this.templates.render("submission-overdue", "en", apmbc).text())
			.contains("at the APMBC 22MSP (December 2025), two requests were not approved")
			.doesNotContain("Article 4(6)");
	}

	@Test
	void theFirstWatchReminderSaysTheConfiguredSubmissionLead() {
		Map<String, Object> model = new HashMap<>(request());
		model.put("reminder", "first");
		model.put("submissionLeadMonths", 8L);
		model.put("submissionDue", "2026-03-25");
		assertThat(this.templates.render("state-focal-point-reminder", "en", model).text())
			.contains("The request is due no later than 2026-03-25, 8 months before the meeting.");
		assertThat(this.templates.render("state-focal-point-reminder", "fr", model).text())
			.contains("8 mois avant la réunion");
	}

	@Test
	void theLettersNameTheConventionsReviewingBody() {
		Map<String, Object> apmbc = new HashMap<>(request());
		apmbc.put("convention", "APMBC");
		assertThat(this.templates.render("state-questions", "en", apmbc)).satisfies((mail) -> {
			assertThat(mail.subject()).contains("Questions from the Committee on Article 5 Implementation");
			assertThat(mail.text()).contains("The Committee on Article 5 Implementation has reviewed");
		});
		assertThat(this.templates.render("state-answers-reminder", "fr", apmbc).text())
			.contains("Le Comité sur la mise en œuvre de l'article 5 attend");
		assertThat(this.templates.render("state-questions", "es", request()).text())
			.contains("El Grupo de Análisis ha examinado");
	}

	@Test
	void theDecisionLetterSaysWhatWasDecided() {
		Map<String, Object> refused = request();
		refused.put("decision", "refused");
		Map<String, Object> late = request();
		late.put("decision", "not-considered-late");
		late.put("currentDeadline", "2026-08-01");

		assertThat(this.templates.render("state-decision", "en", refused).text())
			.contains("The 13MSP did not grant the requested extension.");
		assertThat(this.templates.render("state-decision", "es", refused).text())
			.contains("La reunión 13MSP no concedió la prórroga solicitada.");
		assertThat(this.templates.render("state-decision", "es", late).text()).contains(
				"La reunión 13MSP no examinó la solicitud, que se presentó fuera de plazo. Su plazo de limpieza sigue siendo el 2026-08-01");
	}

	@Test
	void theArticle7ReminderNamesTheConventionInTheLettersLanguage() {
		Map<String, Object> model = request();
		model.put("convention", "APMBC");
		model.put("reminder", "final");

		assertThat(this.templates.render("state-article7-reminder", "es", model)).satisfies((mail) -> {
			assertThat(mail.subject()).startsWith("Último recordatorio: informe de transparencia");
			assertThat(mail.text()).contains("de la Convención sobre la Prohibición de las Minas Antipersonal");
		});
		assertThat(this.templates.render("state-article7-reminder", "fr", model).text())
			.contains("au titre de l'article 7 de la Convention sur l'interdiction des mines antipersonnel");
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
	void anApostropheInAPlainMessageSurvives() {
		assertThat(this.templates.render("document-arrived", "en", request()).text())
			.contains("Open the request's page:");
	}

	@Test
	void userTextIsEscapedInHtmlAndCannotAddAHeader() {
		Map<String, Object> model = request();
		model.put("requestLabel", "Evil\r\nBcc: victim@example.org");
		model.put("questions", "<script>alert(1)</script>\n2. <b>Budget?</b>");

		MailTemplates.Rendered mail = this.templates.render("state-questions", "es", model);

		assertThat(mail.subject()).doesNotContain("\r", "\n").contains("Evil Bcc: victim@example.org");
		assertThat(mail.html()).doesNotContain("<script>", "<b>").contains("&lt;script&gt;");
		assertThat(mail.text()).contains("<script>alert(1)</script>");
	}

	@Test
	void theDigestListsTheQuarterInTheReadersLanguage() {
		MailTemplates.Rendered english = this.templates.render("quarter-digest", "en", request());
		MailTemplates.Rendered french = this.templates.render("quarter-digest", "fr", request());

		assertThat(english.text()).contains("Dear Anders Lindqvist,",
				"Work plan quarter Q2, 2027-04-01 to 2027-06-30. Towards: CCM 14MSP (opens 2027-09-14); APMBC 23MSP (opens 2027-11-29, provisional).",
				"  CCM, towards the 14MSP: Q2 of its cycle (2027-04-01 to 2027-06-30)",
				"    - Analysis Group meetings (analysis-group), due 2027-06-30, overdue",
				"  CCM 2026: 10 of 12 reports received, 2 missing;", "  - State GRD (CCM, deadline 2027-03-01)",
				"  - State GRD (CCM-GRD-14MSP): Check completeness", "      2027-05-14  State's answers due",
				"      2027-06-14  Final review", "      2027-09-14  Meeting opens (14MSP)",
				"  - State LAO (CCM, 15MSP): contact from 2027-04-15, request due 2027-12-15");
		assertThat(english.html()).contains("<td>State GRD</td>", "State&#39;s answers due");
		assertThat(french.subject()).isEqualTo("Plan de travail Q2 : du 2027-04-01 au 2027-06-30");
		assertThat(french.text()).contains("Bonjour Anders Lindqvist,", "Réponses de l'État attendues",
				"CCM 2026 : 10 rapports reçus sur 12", "Ouverture de la réunion (14MSP)");
	}

	private static Properties bundle(String suffix) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MailTemplatesTests.class.getClassLoader()
			.getResourceAsStream("mail/messages" + suffix + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
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
		model.put("submissionLeadMonths", 9L);
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
		// document-arrived
		model.put("labelKey", "document.request");
		model.put("title", "");
		model.put("filename", "request.pdf");
		model.put("uploadedBy", "isu-officer");
		// deadline watch (the focal-point reminder, the coordinators' alert)
		model.put("submissionDue", "2027-12-15");
		model.put("currentDeadline", "2028-11-01");
		model.put("reminder", "first");
		model.put("meetingProvisional", false);
		// Article 7 reminder (note the 13MSP above: the watch's meeting is its own)
		model.put("reportDue", "2027-04-30");
		model.put("reportYear", "2026");
		digest(model);
		return model;
	}

	/**
	 * A quarter's digest: Q2 2027, one work plan, one request, one watch.
	 */
	private static void digest(Map<String, Object> model) {
		model.put("quarter", "Q2");
		model.put("firstDay", "2027-04-01");
		model.put("lastDay", "2027-06-30");
		model.put("nextMeetings", List.of(new QuarterDigest.MeetingLine("CCM", "14MSP", "2027-09-14", false),
				new QuarterDigest.MeetingLine("APMBC", "23MSP", "2027-11-29", true)));
		Meeting meeting = new Meeting(Convention.CCM, "14MSP", MeetingKind.MSP, LocalDate.parse("2027-09-14"),
				LocalDate.parse("2027-09-17"), null, false);
		WorkPlanActivities.ActivityItem activity = new WorkPlanActivities.ActivityItem("activity:analysis-group", "Q2",
				"Analysis Group meetings", "analysis-group", true, LocalDate.parse("2027-06-30"), "overdue", "t1", null,
				null, null, null);
		model.put("workPlans",
				List.of(new WorkPlanActivities.QuarterOfCycle(Convention.CCM, meeting,
						new WorkPlanQuarter("Q2", LocalDate.parse("2027-04-01"), LocalDate.parse("2027-06-30")),
						List.of(activity))));
		model.put("article7", List.of(new Article7Counts(Convention.CCM, 2026, 12, 10, 2, 8, 3)));
		model.put("expiredStates", List.of(new QuarterDigest.ExpiredLine("State GRD", "CCM", "2027-03-01")));
		model.put("requests", List.of(new QuarterDigest.RequestLine("CCM-GRD-14MSP", "State GRD", "CCM", "14MSP",
				"Check completeness",
				List.of(new QuarterDigest.DueLine(null, "quarter-digest.due.state-response", null, "2027-05-14"),
						new QuarterDigest.DueLine("Final review", null, null, "2027-06-14"),
						new QuarterDigest.DueLine(null, "quarter-digest.due.meeting-opens", "14MSP", "2027-09-14")))));
		model.put("watches", List.of(new org.isu.clearance.outreach.WatchedStates.WatchLine("State LAO", "CCM", "15MSP",
				"2027-04-15", "2027-12-15")));
	}

}
