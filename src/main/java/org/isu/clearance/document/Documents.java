package org.isu.clearance.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.document.DocumentStore.NewVersion;
import org.isu.clearance.document.DocumentStore.Stored;
import org.isu.clearance.document.RequestRecords.RequestRecord;
import org.isu.clearance.notification.Outbox;
import org.isu.clearance.notification.Recipients;
import org.isu.clearance.registry.Language;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the requests' records: upload (a new version of a document, its type
 * told from the bytes, its SHA-256 computed while it is stored), listing, a verified copy
 * for download, and withdrawal by an administrator. Nothing is overwritten or deleted.
 */
@Service
public class Documents {

	static final int TITLE_MAX = 200;

	static final int FILENAME_MAX = 500;

	static final int REASON_MAX = 2000;

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	private final DocumentStore store;

	private final RequestRecords requests;

	private final ContentTypes contentTypes;

	private final DocumentProperties properties;

	private final Outbox outbox;

	private final Recipients recipients;

	Documents(DocumentStore store, RequestRecords requests, ContentTypes contentTypes, DocumentProperties properties,
			Outbox outbox, Recipients recipients) {
		this.store = store;
		this.requests = requests;
		this.contentTypes = contentTypes;
		this.properties = properties;
		this.outbox = outbox;
		this.recipients = recipients;
	}

	/**
	 * Every version of every document of a request, by kind, language and title, newest
	 * version first.
	 */
	public List<Document> list(String businessKey) {
		return this.store.list(businessKey);
	}

	public Optional<Document> find(long id) {
		return this.store.find(id);
	}

	/**
	 * The newest version of a document of this kind in this language that is not
	 * withdrawn ({@code language} {@code null}: in any language).
	 */
	public Optional<Document> latest(String businessKey, DocumentKind kind, String language) {
		return this.store.latest(businessKey, List.of(kind.code()), language);
	}

	/**
	 * Stores a new version of a document from a file the caller owns (the upload, already
	 * on disk).
	 * @throws FieldValidationException for an unknown kind or language, a title that is
	 * too long or an empty file
	 * @throws UnsupportedContentException for a type that is not accepted
	 * @throws ContentTooLargeException over the configured size
	 * @throws NotFoundException when no request has that key
	 */
	@Transactional(rollbackFor = Exception.class)
	public Document upload(Upload upload) throws IOException {
		DocumentKind kind = kind(upload.kind());
		String language = language(upload.language());
		String title = title(upload.title());
		String filename = filename(upload.filename());
		RequestRecord request = this.requests.find(upload.businessKey())
			.orElseThrow(() -> new NotFoundException("No extension request " + upload.businessKey()));
		long size = Files.size(upload.content());
		if (size == 0) {
			throw new FieldValidationException("file", "is empty");
		}
		if (size > this.properties.maxSize().toBytes()) {
			throw new ContentTooLargeException(size, this.properties.maxSize().toBytes());
		}
		String contentType = this.contentTypes.detect(upload.content());
		if (!this.properties.allows(contentType)) {
			throw new UnsupportedContentException(contentType);
		}
		Long revises = null;
		if (kind == DocumentKind.REVISED_REQUEST) {
			revises = this.store
				.latest(request.businessKey(),
						List.of(DocumentKind.REQUEST.code(), DocumentKind.REVISED_REQUEST.code()), null)
				.map(Document::id)
				.orElse(null);
		}
		int version = this.store.nextVersion(request.businessKey(), kind.code(), language, title);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Stored stored;
		try (InputStream content = Files.newInputStream(upload.content())) {
			stored = this.store.insert(new NewVersion(request.businessKey(), kind.code(), language, title, version,
					filename, contentType, revises, upload.uploadedBy(), now), content,
					(int) this.properties.chunkSize().toBytes());
		}
		Document document = this.store.find(stored.id()).orElseThrow();
		log.info("Document {} stored: {} {} v{} of {}, {} bytes, {}, sha256 {}", document.id(), document.kind(),
				document.language(), document.version(), document.businessKey(), document.size(),
				document.contentType(), document.sha256());
		if (kind == DocumentKind.REQUEST || kind == DocumentKind.REVISED_REQUEST || kind == DocumentKind.ANNEX) {
			tellRapporteur(request, document);
		}
		return document;
	}

	/**
	 * Copies a version's content to a temporary file and checks its SHA-256 against the
	 * one recorded at upload, before anything is sent. The caller deletes the file.
	 * @throws ChecksumMismatchException when the content is no longer what was uploaded
	 */
	@Transactional(readOnly = true)
	public Path verifiedCopy(Document document) throws IOException {
		Path directory = (this.properties.temporaryDirectory() != null) ? Path.of(this.properties.temporaryDirectory())
				: null;
		Path copy = (directory != null) ? Files.createTempFile(directory, "document-", ".bin")
				: Files.createTempFile("document-", ".bin");
		try {
			String actual;
			try (OutputStream out = Files.newOutputStream(copy)) {
				actual = this.store.copyContent(document.id(), this.store.chunkCount(document.id()), out);
			}
			if (!actual.equals(document.sha256())) {
				log.error("Document {} ({} of {}) fails its checksum: recorded {}, read {}", document.id(),
						document.kind(), document.businessKey(), document.sha256(), actual);
				throw new ChecksumMismatchException(document.id());
			}
			return copy;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(copy);
			throw ex;
		}
	}

	/**
	 * Marks a version withdrawn; it stays listed and downloadable, with the reason.
	 */
	@Transactional
	public Document withdraw(long id, String by, String reason) {
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty()) {
			throw new FieldValidationException("reason", "is required");
		}
		if (text.length() > REASON_MAX) {
			throw new FieldValidationException("reason", "must be at most " + REASON_MAX + " characters");
		}
		Document document = this.store.find(id).orElseThrow(() -> new NotFoundException("No document " + id));
		if (!this.store.withdraw(id, by, ClockUtil.getCurrentTime().toInstant(), text)) {
			throw new org.isu.clearance.shared.ConflictException("Document " + id + " is already withdrawn");
		}
		log.info("Document {} of {} withdrawn by {}: {}", id, document.businessKey(), by, text);
		return this.store.find(id).orElseThrow();
	}

	private void tellRapporteur(RequestRecord request, Document document) {
		String rapporteur = request.rapporteur();
		if (rapporteur == null || !request.open()) {
			return;
		}
		Recipients.Recipient user = this.recipients.user(rapporteur).orElse(null);
		if (user == null) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		Object stateName = request.variables().getOrDefault(ExtensionRequestProcess.STATE_NAME, "");
		model.put("recipientName", user.name());
		model.put("requestLabel", stateName + " (" + request.text(ExtensionRequestProcess.CONVENTION) + ", "
				+ request.text(ExtensionRequestProcess.MEETING_CODE) + ")");
		model.put("labelKey", (document.kind().equals(DocumentKind.ANNEX.code()) && !document.title().isEmpty())
				? "document.annex.titled" : "document." + document.kind());
		model.put("title", document.title());
		model.put("filename", document.filename());
		model.put("uploadedBy", document.uploadedBy());
		model.put("link", this.properties.baseUrl() + "/requests/" + request.businessKey());
		this.outbox.enqueue(new Outbox.TemplatedMail("document:" + document.id() + ":" + rapporteur, "document-arrived",
				user.email(), user.language(), model, request.businessKey(), request.processInstanceId(), null));
	}

	static DocumentKind kind(String code) {
		DocumentKind kind = DocumentKind.of(code);
		if (kind == null) {
			throw new FieldValidationException("kind", "'" + code + "' is not one of " + DocumentKind.codes());
		}
		return kind;
	}

	static String language(String code) {
		if (code == null || !Language.codes().contains(code)) {
			throw new FieldValidationException("language",
					"'" + code + "' is not one of the six UN languages " + Language.codes());
		}
		return code;
	}

	static String title(String title) {
		String text = (title != null) ? title.strip() : "";
		if (text.length() > TITLE_MAX) {
			throw new FieldValidationException("title", "must be at most " + TITLE_MAX + " characters");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new FieldValidationException("title", "must be one line of text");
		}
		return text;
	}

	static String filename(String filename) {
		String text = (filename != null) ? filename.strip() : "";
		if (text.isEmpty()) {
			return "document";
		}
		if (text.length() > FILENAME_MAX) {
			throw new FieldValidationException("file", "its name must be at most " + FILENAME_MAX + " characters");
		}
		return text;
	}

	/**
	 * A file to store.
	 *
	 * @param content the file on disk (read twice: detection, then storage)
	 * @param filename the name the uploader gave it
	 */
	public record Upload(String businessKey, String kind, String language, String title, String filename, Path content,
			String uploadedBy) {

	}

}
