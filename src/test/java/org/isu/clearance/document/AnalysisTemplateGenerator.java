package org.isu.clearance.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Made the analysis template once
 * ({@code src/main/resources/documents/analysis-template.docx}); kept to document what
 * the template holds. The ISU changes the layout in Word from then on: styles
 * {@code Title}, {@code Heading1}, {@code Heading2} and {@code Normal}, the header with
 * {@code {{symbol}}} and {@code {{date}}}, the title paragraph {@code {{title}}} and the
 * paragraph {@code {{content}}} that the record's sections replace. Run:
 * {@code java ... AnalysisTemplateGenerator <path>}.
 */
final class AnalysisTemplateGenerator {

	private AnalysisTemplateGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/documents/analysis-template.docx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(target)) {
			XWPFStyles styles = document.createStyles();
			styles.addStyle(style("Normal", "Normal", null, 22, false, 120));
			styles.addStyle(style("Title", "Title", "Normal", 32, true, 240));
			styles.addStyle(style("Heading1", "heading 1", "Normal", 26, true, 200));
			styles.addStyle(style("Heading2", "heading 2", "Normal", 23, true, 160));

			XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
			XWPFParagraph symbol = header.createParagraph();
			symbol.setAlignment(ParagraphAlignment.RIGHT);
			XWPFRun symbolRun = symbol.createRun();
			symbolRun.setBold(true);
			symbolRun.setText("{{symbol}}");
			XWPFParagraph date = header.createParagraph();
			date.setAlignment(ParagraphAlignment.RIGHT);
			date.createRun().setText("{{date}}");
			XWPFParagraph original = header.createParagraph();
			original.setAlignment(ParagraphAlignment.RIGHT);
			original.createRun().setText("{{original}}");

			XWPFParagraph title = document.createParagraph();
			title.setStyle("Title");
			title.createRun().setText("{{title}}");
			XWPFParagraph content = document.createParagraph();
			content.setStyle("Normal");
			content.createRun().setText("{{content}}");
			document.write(out);
		}
	}

	private static XWPFStyle style(String id, String name, String basedOn, int halfPoints, boolean bold,
			int spacingAfter) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal(name);
		if (basedOn != null) {
			style.addNewBasedOn().setVal(basedOn);
		}
		style.addNewQFormat();
		CTPPrGeneral paragraph = style.addNewPPr();
		paragraph.addNewSpacing().setAfter(BigInteger.valueOf(spacingAfter));
		if (id.startsWith("Heading")) {
			paragraph.addNewKeepNext();
			paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(id.endsWith("1") ? 0 : 1));
		}
		CTRPr run = style.addNewRPr();
		CTFonts fonts = run.addNewRFonts();
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		if (bold) {
			run.addNewB();
		}
		return new XWPFStyle(style);
	}

}
