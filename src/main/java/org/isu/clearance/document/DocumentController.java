package org.isu.clearance.document;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.isu.clearance.shared.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
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

	DocumentController(Documents documents, RequestRecords requests) {
		this.documents = documents;
		this.requests = requests;
	}

	@PostMapping(path = "/api/extension-requests/{businessKey}/documents", consumes = "multipart/form-data")
	@PreAuthorize(DocumentAccess.UPLOADERS)
	ResponseEntity<Document> upload(@PathVariable String businessKey, @RequestParam String kind,
			@RequestParam String language, @RequestParam(required = false) String title,
			@RequestPart("file") MultipartFile file, Authentication user) throws IOException {
		// the multipart upload is already on disk: moved, not copied, to a file of ours
		Path content = Files.createTempFile("upload-", ".bin");
		try {
			file.transferTo(new File(content.toAbsolutePath().toString()));
			Document document = this.documents.upload(new Documents.Upload(businessKey, kind, language, title,
					file.getOriginalFilename(), content, user.getName()));
			return ResponseEntity.created(URI.create("/api/documents/" + document.id())).body(document);
		}
		finally {
			Files.deleteIfExists(content);
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
