package org.isu.clearance.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The documents API's upload form as it arrives: the multipart body read part by part
 * (Commons FileUpload's streaming API) straight from the request, so that the file can be
 * stored while the rest of it is still on its way. The container parses no multipart body
 * ({@code spring.servlet.multipart.enabled: false}): nothing reads it whole first.
 * <p>
 * The fields {@code kind}, {@code language} and {@code title}, and the part {@code file}
 * with the file's name as the client gave it (decoded as Spring decodes a
 * {@code Content-Disposition}, {@code filename*} included). As {@code @RequestParam} saw
 * them, the request's query parameters count first and a field given twice counts as its
 * values joined with commas (no valid kind or language). Other fields and parts are
 * skipped. Limits: the file at most {@code max-size} (more fails while it is read), the
 * fields {@link DocumentWebConfiguration#FORM_FIELDS} together, a few parts.
 */
final class UploadForm implements Documents.Incoming, AutoCloseable {

	static final String FILE = "file";

	private static final List<String> FIELDS = List.of("kind", "language", "title");

	/** The parts read at most: the form's four and a few that are skipped. */
	private static final int MAX_PARTS = 16;

	private final FileItemInputIterator parts;

	private final Charset charset;

	private final Path temporaryDirectory;

	private final Map<String, List<String>> fields = new LinkedHashMap<>();

	private long fieldBytes;

	private int partCount;

	private FileItemInput file;

	private String filename;

	private Path spooled;

	private UploadForm(FileItemInputIterator parts, Charset charset, Path temporaryDirectory) {
		this.parts = parts;
		this.charset = charset;
		this.temporaryDirectory = temporaryDirectory;
	}

	/**
	 * Starts reading the request's body (nothing of it is read before the first part is
	 * asked for).
	 * @param temporaryDirectory where a file that comes before its fields is spooled
	 * ({@code null}: the JVM's temporary directory)
	 */
	static UploadForm of(HttpServletRequest request, long maxFileSize, Path temporaryDirectory) throws IOException {
		Charset charset = (request.getCharacterEncoding() != null) ? Charset.forName(request.getCharacterEncoding())
				: StandardCharsets.UTF_8;
		JakartaServletDiskFileUpload upload = new JakartaServletDiskFileUpload();
		upload.setHeaderCharset(charset);
		upload.setMaxFileSize(maxFileSize);
		upload.setMaxSize(maxFileSize + DocumentWebConfiguration.FORM_FIELDS);
		UploadForm form = new UploadForm(upload.getItemIterator(request), charset, temporaryDirectory);
		// the query string only: without a multipart configuration the container never
		// reads a multipart body for its parameters
		for (String name : FIELDS) {
			String[] values = request.getParameterValues(name);
			if (values != null) {
				form.fields.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(List.of(values));
			}
		}
		return form;
	}

	/**
	 * Reads the fields up to the file.
	 * @return whether the file came (its bytes are next)
	 */
	boolean readToFile() throws IOException {
		while (this.parts.hasNext()) {
			FileItemInput part = next();
			if (FILE.equals(part.getFieldName()) && !part.isFormField()) {
				this.file = part;
				this.filename = filename(part);
				return true;
			}
			if (part.isFormField()) {
				field(part);
			}
		}
		return false;
	}

	/** Whether the kind and language are known. */
	boolean hasKindAndLanguage() {
		return this.fields.containsKey("kind") && this.fields.containsKey("language");
	}

	/**
	 * Spools the file to a temporary file and reads the rest of the form: for a file that
	 * comes before its fields, or that is not to be stored as it arrives.
	 */
	void spool() throws IOException {
		if (this.file != null && this.spooled == null) {
			this.spooled = (this.temporaryDirectory != null)
					? Files.createTempFile(this.temporaryDirectory, "upload-", ".bin")
					: Files.createTempFile("upload-", ".bin");
			try (InputStream in = this.file.getInputStream(); OutputStream out = Files.newOutputStream(this.spooled)) {
				in.transferTo(out);
			}
		}
		rest();
	}

	/**
	 * The kind the form names.
	 * @throws MissingServletRequestParameterException without one
	 */
	String kind() throws MissingServletRequestParameterException {
		return required("kind");
	}

	/**
	 * Checks that the form is complete: a kind, a language and a file.
	 */
	void requireComplete() throws MissingServletRequestParameterException, MissingServletRequestPartException {
		required("kind");
		required("language");
		if (this.file == null) {
			throw new MissingServletRequestPartException(FILE);
		}
	}

	@Override
	public Documents.Form form() {
		return new Documents.Form(value("kind"), value("language"), value("title"));
	}

	@Override
	public String filename() {
		return this.filename;
	}

	@Override
	public InputStream content() throws IOException {
		return this.file.getInputStream();
	}

	@Override
	public Path spooled() {
		return this.spooled;
	}

	@Override
	public Documents.Form rest() throws IOException {
		while (this.parts.hasNext()) {
			FileItemInput part = next();
			if (part.isFormField()) {
				field(part);
			}
			// a second file is skipped (as Spring's @RequestPart took the first)
		}
		return form();
	}

	@Override
	public void close() throws IOException {
		if (this.spooled != null) {
			Files.deleteIfExists(this.spooled);
		}
	}

	private FileItemInput next() throws IOException {
		if (++this.partCount > MAX_PARTS) {
			throw new org.apache.commons.fileupload2.core.FileUploadFileCountLimitException(
					"The upload has more than " + MAX_PARTS + " parts", MAX_PARTS, this.partCount);
		}
		return this.parts.next();
	}

	private void field(FileItemInput part) throws IOException {
		long room = DocumentWebConfiguration.FORM_FIELDS - this.fieldBytes;
		byte[] value;
		try (InputStream in = part.getInputStream()) {
			value = in.readNBytes((int) Math.max(0, room) + 1);
		}
		this.fieldBytes += value.length;
		if (this.fieldBytes > DocumentWebConfiguration.FORM_FIELDS) {
			throw new org.apache.commons.fileupload2.core.FileUploadSizeException(
					"The form's fields are larger than " + DocumentWebConfiguration.FORM_FIELDS + " bytes",
					DocumentWebConfiguration.FORM_FIELDS, this.fieldBytes);
		}
		if (FIELDS.contains(part.getFieldName())) {
			this.fields.computeIfAbsent(part.getFieldName(), (key) -> new ArrayList<>())
				.add(new String(value, charset(part)));
		}
	}

	private Charset charset(FileItemInput part) {
		if (part.getContentType() != null) {
			try {
				Charset declared = MediaType.parseMediaType(part.getContentType()).getCharset();
				if (declared != null) {
					return declared;
				}
			}
			catch (RuntimeException ex) {
				// an unreadable content type: the request's charset
			}
		}
		return this.charset;
	}

	private String required(String name) throws MissingServletRequestParameterException {
		String value = value(name);
		if (value == null) {
			throw new MissingServletRequestParameterException(name, "String");
		}
		return value;
	}

	private String value(String name) {
		List<String> values = this.fields.get(name);
		return (values != null) ? String.join(",", values) : null;
	}

	/** The file's name as Spring's multipart support read it, else as FileUpload did. */
	private static String filename(FileItemInput part) {
		String header = part.getHeaders().getHeader(HttpHeaders.CONTENT_DISPOSITION);
		try {
			String name = ContentDisposition.parse(header).getFilename();
			if (name != null) {
				return name;
			}
		}
		catch (RuntimeException ex) {
			// not one Spring reads: FileUpload's reading
		}
		return part.getName();
	}

}
