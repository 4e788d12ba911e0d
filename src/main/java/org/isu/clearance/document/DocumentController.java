package org.isu.clearance.document;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.isu.clearance.shared.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The documents API: upload a version, list a request's documents, download a version
 * byte for byte (its checksum verified before the first byte), list a document's
 * versions, withdraw a version (administrators).
 */
@RestController
class DocumentController {

	private final Documents documents;

	private final RequestRecords requests;

	private final DocumentProperties properties;

	/**
	 * Uploads being stored as they arrive: each holds a database connection meanwhile.
	 */
	private final Semaphore streams;

	DocumentController(Documents documents, RequestRecords requests, DocumentProperties properties) {
		this.documents = documents;
		this.requests = requests;
		this.properties = properties;
		this.streams = new Semaphore(properties.streamedUploads());
	}

	/**
	 * Stores an upload as it arrives (see {@link UploadForm}): once the kind and language
	 * are read, the file goes into the database while its bytes still arrive; a file that
	 * comes before them, or while {@code streamed-uploads} others are being stored, is
	 * spooled to disk first and stored once the form is read. Authorization: the
	 * {@code @PreAuthorize} of
	 * {@link Documents#upload(String, String, Documents.Incoming, String)}.
	 */
	@PostMapping(path = "/api/extension-requests/{businessKey}/documents", consumes = "multipart/form-data")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadFormFields.class)))
	ResponseEntity<Document> upload(@PathVariable String businessKey, HttpServletRequest request, Authentication user)
			throws IOException, ServletException {
		try (UploadForm form = UploadForm.of(request, this.properties.maxSize().toBytes(),
				(this.properties.temporaryDirectory() != null) ? Path.of(this.properties.temporaryDirectory())
						: null)) {
			Document document;
			if (form.readToFile() && form.hasKindAndLanguage() && this.streams.tryAcquire()) {
				try {
					document = this.documents.upload(businessKey, form.kind(), form, user.getName());
				}
				finally {
					this.streams.release();
				}
			}
			else {
				form.spool();
				form.requireComplete();
				document = this.documents.upload(businessKey, form.kind(), form, user.getName());
			}
			return ResponseEntity.created(URI.create("/api/documents/" + document.id())).body(document);
		}
	}

	@GetMapping("/api/extension-requests/{businessKey}/documents")
	@PreAuthorize(DocumentAccess.READERS)
	List<Document> list(@PathVariable String businessKey) {
		if (this.requests.find(businessKey).isEmpty()) {
			throw new NotFoundException("No extension request " + businessKey);
		}
		return this.documents.list(businessKey);
	}

	@GetMapping("/api/documents/{id}")
	@PreAuthorize(DocumentAccess.READERS)
	Document document(@PathVariable long id) {
		return find(id);
	}

	/**
	 * Every version of the document this version belongs to (same request, kind, language
	 * and title), newest first.
	 */
	@GetMapping("/api/documents/{id}/versions")
	@PreAuthorize(DocumentAccess.READERS)
	List<Document> versions(@PathVariable long id) {
		Document document = find(id);
		return this.documents.list(document.businessKey())
			.stream()
			.filter((other) -> other.kind().equals(document.kind()) && other.language().equals(document.language())
					&& other.title().equals(document.title()))
			.toList();
	}

	@GetMapping("/api/documents/{id}/content")
	@PreAuthorize(DocumentAccess.READERS)
	void content(@PathVariable long id, HttpServletResponse response) throws IOException {
		Document document = find(id);
		Path copy = this.documents.verifiedCopy(document);
		try {
			response.setContentType(document.contentType());
			response.setContentLengthLong(document.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(document.filename()));
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Checksum-SHA256", document.sha256());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			try (OutputStream out = response.getOutputStream()) {
				Files.copy(copy, out);
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@PostMapping("/api/documents/{id}/withdraw")
	@PreAuthorize(DocumentAccess.ADMINS)
	Document withdraw(@PathVariable long id, @RequestBody Map<String, String> body, Authentication user) {
		return this.documents.withdraw(id, user.getName(), body.get("reason"));
	}

	/** The upload form, as the API description shows it. */
	record UploadFormFields(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kind,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String language, String title,
			@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {

	}

	private Document find(long id) {
		return this.documents.find(id).orElseThrow(() -> new NotFoundException("No document " + id));
	}

	/**
	 * {@code attachment} with the name as given: an ASCII stand-in for old clients and
	 * the exact name in RFC 5987's {@code filename*}.
	 */
	static String contentDisposition(String filename) {
		StringBuilder ascii = new StringBuilder();
		filename.codePoints()
			.forEach((c) -> ascii
				.append((c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';') ? (char) c : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ UriUtils.encode(filename, StandardCharsets.UTF_8);
	}

}
