package org.isu.clearance.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isu.clearance.document.DocumentKind;
import org.isu.clearance.document.Documents;

import org.springframework.stereotype.Component;

/**
 * The demo requests' documents: a one-page PDF standing for the State's request or an
 * official language version of the analysis, uploaded as the ISU would before completing
 * the step that needs it.
 */
@Component
class DemoDocuments {

	private final Documents documents;

	DemoDocuments(Documents documents) {
		this.documents = documents;
	}

	/**
	 * Uploads the document unless the record already holds one of that kind and language.
	 */
	void ensure(String businessKey, DocumentKind kind, String language, String title) {
		if (this.documents.latest(businessKey, kind, language).isPresent()) {
			return;
		}
		add(businessKey, kind, language, title);
	}

	/**
	 * Uploads the document as the next version of its kind and language (a revised
	 * request after the first); the title is the text its one page shows.
	 */
	void add(String businessKey, DocumentKind kind, String language, String title) {
		try {
			Path file = Files.createTempFile("demo-", ".pdf");
			try {
				Files.write(file, pdf(title));
				this.documents.upload(new Documents.Upload(businessKey, kind.code(), language, null,
						businessKey + "-" + kind.code() + "-" + language + ".pdf", file, "isu-officer"));
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A valid one-page PDF showing one line of text (Latin-1).
	 */
	static byte[] pdf(String line) {
		String text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
		String stream = "BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + stream
						+ "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length);
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach((offset) -> pdf.append(String.format("%010d 00000 n \n", offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.size() + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

}
