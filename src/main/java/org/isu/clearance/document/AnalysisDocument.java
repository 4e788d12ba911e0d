package org.isu.clearance.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.document.RequestRecords.RequestRecord;
import org.isu.clearance.shared.AsSystem;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.*;

/**
 * The Analysis Group's analysis and draft decision as a Word document, built from the
 * record with Apache POI on the template {@code documents/analysis-template.docx} (its
 * styles, its header with the document symbol, its title): the ISU changes the layout in
 * Word, the wording in {@code documents/analysis[_fr].properties}. English or French.
 */
@Component
class AnalysisDocument {

	static final String TEMPLATE = "documents/analysis-template.docx";

	static final List<String> LANGUAGES = List.of("en", "fr");

	private final HistoryService history;

	private final IdentityService identity;

	private final ResourceBundleMessageSource wording = new ResourceBundleMessageSource();

	AnalysisDocument(HistoryService history, IdentityService identity) {
		this.history = history;
		this.identity = identity;
		this.wording.setBasename("documents/analysis");
		this.wording.setDefaultEncoding("UTF-8");
		this.wording.setFallbackToSystemLocale(false);
		this.wording.setAlwaysUseMessageFormat(true);
	}

	byte[] generate(RequestRecord request, String language) throws IOException {
		Locale locale = Locale.forLanguageTag(language);
		Map<String, Object> variables = request.variables();
		try (InputStream template = new ClassPathResource(TEMPLATE).getInputStream();
				XWPFDocument document = new XWPFDocument(template);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			String symbol = text(variables.get(DOCUMENT_SYMBOL + "_" + language));
			Map<String, String> fields = Map.of("{{symbol}}", (symbol != null) ? symbol : say(locale, "symbol.none"),
					"{{date}}",
					date(ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate(),
							locale),
					"{{original}}", say(locale, "original"), "{{title}}",
					say(locale, "title." + variables.getOrDefault(CONVENTION, "CCM"), variables.get(STATE_NAME)));
			for (XWPFHeader header : document.getHeaderList()) {
				header.getParagraphs().forEach((paragraph) -> fill(paragraph, fields));
			}
			XWPFParagraph marker = null;
			for (XWPFParagraph paragraph : new ArrayList<>(document.getParagraphs())) {
				if (paragraph.getText().contains("{{content}}")) {
					marker = paragraph;
				}
				else {
					fill(paragraph, fields);
				}
			}
			if (marker == null) {
				throw new IllegalStateException("The analysis template has no {{content}} paragraph");
			}
			Sections sections = new Sections(document, marker);
			content(sections, request, locale);
			document.removeBodyElement(document.getPosOfParagraph(marker));
			document.write(out);
			return out.toByteArray();
		}
	}

	private void content(Sections out, RequestRecord request, Locale locale) {
		Map<String, Object> v = request.variables();
		out.separator = say(locale, "fact.separator") + " ";
		out.heading(say(locale, "section.request"));
		out.fact(say(locale, "fact.state"), text(v.get(STATE_NAME)));
		out.fact(say(locale, "fact.convention"), text(v.get(CONVENTION)));
		out.fact(say(locale, "fact.meeting"), text(v.get(MEETING_CODE)));
		out.fact(say(locale, "fact.currentDeadline"), date(v.get(CURRENT_DEADLINE), locale));
		out.fact(say(locale, "fact.requestedDeadline"), date(v.get(REQUESTED_DEADLINE), locale));
		out.fact(say(locale, "fact.submittedOn"), date(v.get(SUBMITTED_ON), locale));
		out.paragraph(text(v.get(SUMMARY)));

		List<HistoricVariableUpdate> updates = updates(request.processInstanceId());
		out.heading(say(locale, "section.completeness"));
		out.paragraphOr(text(v.get(COMPLETENESS_NOTES)), say(locale, "none"));
		List<String> supplements = values(updates, SUPPLEMENT_SUMMARY);
		if (!supplements.isEmpty()) {
			out.subheading(say(locale, "section.supplement"));
			supplements.forEach(out::paragraph);
		}

		out.heading(say(locale, "section.preliminary"));
		out.paragraphOr(text(v.get(PRELIMINARY_FINDINGS)), say(locale, "none"));

		List<Round> rounds = rounds(updates);
		if (!rounds.isEmpty()) {
			out.heading(say(locale, "section.questions"));
			for (int i = 0; i < rounds.size(); i++) {
				Round round = rounds.get(i);
				out.subheading(say(locale, "round", i + 1));
				out.label(say(locale, "questions"));
				out.paragraph(round.questions());
				out.label(say(locale, "answers"));
				out.paragraphOr(round.answers(), say(locale, "answers.none"));
			}
		}

		out.heading(say(locale, "section.analysis"));
		out.paragraphOr(text(v.get(ANALYSIS)), say(locale, "none"));
		out.heading(say(locale, "section.draftDecision"));
		out.paragraphOr(text(v.get(DRAFT_DECISION)), say(locale, "none"));
		out.heading(say(locale, "section.recommendation"));
		String recommendation = text(v.get(RECOMMENDATION));
		out.paragraph((recommendation != null)
				? say(locale, "recommendation." + recommendation, date(v.get(RECOMMENDED_DEADLINE), locale))
				: say(locale, "recommendation.none"));
	}

	/**
	 * Every round of questions with the answers recorded after it: each time the
	 * preliminary review or a review of the State's answers sent questions, and the
	 * State's response that followed (a review that sends none leaves the questions as
	 * they were).
	 */
	private static List<Round> rounds(List<HistoricVariableUpdate> updates) {
		List<Round> rounds = new ArrayList<>();
		String questions = null;
		String answers = null;
		for (HistoricVariableUpdate update : updates) {
			String value = text(update.getValue());
			if (QUESTIONS.equals(update.getVariableName()) && value != null && !value.equals(questions)) {
				if (questions != null) {
					rounds.add(new Round(questions, answers));
				}
				questions = value;
				answers = null;
			}
			else if (RESPONSE_SUMMARY.equals(update.getVariableName()) && value != null && questions != null) {
				answers = value;
			}
		}
		if (questions != null) {
			rounds.add(new Round(questions, answers));
		}
		return rounds;
	}

	private static List<String> values(List<HistoricVariableUpdate> updates, String name) {
		return updates.stream()
			.filter((update) -> name.equals(update.getVariableName()))
			.map((update) -> text(update.getValue()))
			.filter((value) -> value != null)
			.toList();
	}

	private List<HistoricVariableUpdate> updates(String processInstanceId) {
		return AsSystem.call(this.identity,
				() -> this.history.createHistoricDetailQuery()
					.processInstanceId(processInstanceId)
					.variableUpdates()
					.disableCustomObjectDeserialization()
					.orderPartiallyByOccurrence()
					.asc()
					.list()
					.stream()
					.filter((detail) -> detail instanceof HistoricVariableUpdate)
					.map((detail) -> (HistoricVariableUpdate) detail)
					.filter((update) -> QUESTIONS.equals(update.getVariableName())
							|| RESPONSE_SUMMARY.equals(update.getVariableName())
							|| SUPPLEMENT_SUMMARY.equals(update.getVariableName()))
					.toList());
	}

	private String say(Locale locale, String key, Object... arguments) {
		return this.wording.getMessage(key, arguments, locale);
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	private static String date(Object value, Locale locale) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return date(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text), locale);
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	private static String date(LocalDate date, Locale locale) {
		// the United Nations' style in both languages: 1 November 2031, 1 novembre 2031
		return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
	}

	/**
	 * Replaces the placeholders of a paragraph, even where Word split one over several
	 * runs: the paragraph's text goes into its first run.
	 */
	private static void fill(XWPFParagraph paragraph, Map<String, String> fields) {
		String text = paragraph.getText();
		if (!text.contains("{{")) {
			return;
		}
		for (Map.Entry<String, String> field : fields.entrySet()) {
			text = text.replace(field.getKey(), field.getValue());
		}
		List<XWPFRun> runs = paragraph.getRuns();
		for (int i = runs.size() - 1; i > 0; i--) {
			paragraph.removeRun(i);
		}
		if (runs.isEmpty()) {
			paragraph.createRun().setText(text);
		}
		else {
			paragraph.getRuns().get(0).setText(text, 0);
		}
	}

	private record Round(String questions, String answers) {

	}

	/**
	 * Writes paragraphs in the template's styles where its {@code {{content}}} paragraph
	 * stands.
	 */
	private static final class Sections {

		private final XWPFDocument document;

		private final XWPFParagraph marker;

		private String separator = ": ";

		Sections(XWPFDocument document, XWPFParagraph marker) {
			this.document = document;
			this.marker = marker;
		}

		void heading(String text) {
			add("Heading1", text, false);
		}

		void subheading(String text) {
			add("Heading2", text, false);
		}

		void label(String text) {
			add("Normal", text, true);
		}

		void fact(String label, String value) {
			XWPFParagraph paragraph = add("Normal", label + this.separator, true);
			paragraph.createRun().setText((value != null) ? value : "—");
		}

		void paragraphOr(String text, String otherwise) {
			paragraph((text != null) ? text : otherwise);
		}

		void paragraph(String text) {
			if (text == null) {
				return;
			}
			// one paragraph per line of the recorded text
			for (String line : text.split("\\R+")) {
				if (!line.isBlank()) {
					add("Normal", line.strip(), false);
				}
			}
		}

		private XWPFParagraph add(String style, String text, boolean bold) {
			XmlCursor cursor = this.marker.getCTP().newCursor();
			XWPFParagraph paragraph = this.document.insertNewParagraph(cursor);
			cursor.close();
			paragraph.setStyle(style);
			XWPFRun run = paragraph.createRun();
			run.setBold(bold);
			run.setText(text);
			return paragraph;
		}

	}

}
