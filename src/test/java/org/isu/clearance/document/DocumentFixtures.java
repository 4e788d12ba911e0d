package org.isu.clearance.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;

/**
 * Files of every kind the document tests upload, made in the test.
 */
public final class DocumentFixtures {

	private DocumentFixtures() {
	}

	/** A PDF of the given size: a real header and trailer around random bytes. */
	public static byte[] pdf(int size, long seed) {
		byte[] content = new byte[size];
		new Random(seed).nextBytes(content);
		byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, content, 0, head.length);
		System.arraycopy(tail, 0, content, size - tail.length, tail.length);
		return content;
	}

	/** The start of a Windows executable (DOS stub and PE header). */
	static byte[] executable() {
		byte[] content = new byte[4096];
		content[0] = 'M';
		content[1] = 'Z';
		content[0x3c] = (byte) 0x80;
		content[0x80] = 'P';
		content[0x81] = 'E';
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, content, 0x4e, stub.length);
		return content;
	}

	static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
	}

	static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Budget").createRow(0).createCell(0).setCellValue(1200);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** An OpenDocument text: a ZIP whose first, stored entry names its type. */
	static byte[] odt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
			ZipEntry mimetype = new ZipEntry("mimetype");
			mimetype.setMethod(ZipEntry.STORED);
			mimetype.setSize(type.length);
			CRC32 crc = new CRC32();
			crc.update(type);
			mimetype.setCrc(crc.getValue());
			zip.putNextEntry(mimetype);
			zip.write(type);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("""
					<?xml version="1.0" encoding="UTF-8"?>
					<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
					  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
					<office:body><office:text><text:p>Annex</text:p></office:text></office:body>
					</office:document-content>
					""".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write(
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
							 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
							 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
							</manifest:manifest>
							"""
						.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	/** A ZIP of nothing in particular. */
	static byte[] zip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("notes.txt"));
			zip.write("some notes".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	/** A PNG image of one pixel. */
	static byte[] png() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
	}

	/**
	 * Stores a small PDF as a document of the request, as the ISU would upload it: what
	 * the steps that need a document ({@code Task_CheckCompleteness},
	 * {@code Task_ConfirmTranslation}) look for.
	 */
	public static Document attach(Documents documents, String businessKey, String kind, String language) {
		try {
			Path file = Files.createTempFile("fixture-", ".pdf");
			try {
				Files.write(file, pdf(2048, businessKey.hashCode()));
				return documents.upload(new Documents.Upload(businessKey, kind, language, null,
						kind + "-" + language + ".pdf", file, "isu-officer"));
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The multipart body of an upload, as the request page's form sends it.
	 */
	public static HttpEntity<MultiValueMap<String, Object>> multipart(String kind, String language, String title,
			String filename, byte[] content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("kind", kind);
		body.add("language", language);
		if (title != null) {
			body.add("title", title);
		}
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		partHeaders.setContentDisposition(org.springframework.http.ContentDisposition.formData()
			.name("file")
			.filename(filename, java.nio.charset.StandardCharsets.UTF_8)
			.build());
		body.add("file", new HttpEntity<>(new ByteArrayResource(content), partHeaders));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(body, headers);
	}

	/**
	 * A multipart body written part by part, in the order given (the browser's form and
	 * {@link #multipart} put the file last; other clients may not).
	 */
	static final class RawMultipart {

		final String boundary = "----upload" + Long.toHexString(System.nanoTime());

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		RawMultipart field(String name, String value) {
			return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
					value.getBytes(StandardCharsets.UTF_8));
		}

		RawMultipart file(String filename, byte[] content) {
			return part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/octet-stream\r\n", content);
		}

		/** The headers and bytes of one part, then the next boundary. */
		private RawMultipart part(String headers, byte[] content) {
			this.body.writeBytes(("--" + this.boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
			this.body.writeBytes(content);
			this.body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream whole = new ByteArrayOutputStream();
			whole.writeBytes(this.body.toByteArray());
			whole.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return whole.toByteArray();
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		HttpEntity<byte[]> entity() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.parseMediaType(contentType()));
			return new HttpEntity<>(bytes(), headers);
		}

	}

	/** A CCM State Party only the calling test uses. */
	static void state(Registry registry, String code, String deadline) {
		if (registry.findState(Convention.CCM, code).isEmpty()) {
			registry.createState(new StatePartyInput(Convention.CCM, code, "State " + code,
					LocalDate.parse("2012-01-01"), LocalDate.parse(deadline),
					"focal." + code.toLowerCase() + "@example.org", Language.fr, null, "test"));
		}
	}

}
