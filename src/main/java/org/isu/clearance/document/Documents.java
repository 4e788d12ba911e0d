package org.isu.clearance.document;

import java.io.BufferedOutputStream;
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
import org.apache.commons.io.input.ObservableInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
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

	/** What is written at once to a container's temporary copy. */
	private static final int COPY_BUFFER = 64 * 1024;

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
		Checked checked = check(upload.businessKey(), upload.kind(), upload.language(), upload.title(),
				upload.filename());
		long size = Files.size(upload.content());
		if (size == 0) {
			throw new FieldValidationException("file", "is empty");
		}
		if (size > this.properties.maxSize().toBytes()) {
			throw new ContentTooLargeException(size, this.properties.maxSize().toBytes());
		}
		String contentType = allowedType(upload.content());
		NewVersion version = version(checked, revises(checked), contentType, upload.uploadedBy(),
				ClockUtil.getCurrentTime().toInstant());
		Stored stored;
		try (InputStream content = Files.newInputStream(upload.content())) {
			stored = this.store.insert(version, content, (int) this.properties.chunkSize().toBytes());
		}
		return stored(checked, stored.id());
	}

	/**
	 * Stores a new version of a document as its upload arrives, for a user who may upload
	 * this kind to this request. The content goes into the database piece by piece while
	 * it is read, its SHA-256 computed on the way; its type is told once it is all there,
	 * from its start (a ZIP or OLE2 container from the whole of it:
	 * {@link ContentTypes}). A file over the size limit (the upload's reader counts and
	 * fails), an empty file, a refused type or a field after the file that fails its
	 * check rolls it all back. An upload already on disk ({@link Incoming#spooled()}) is
	 * stored as {@link #upload(Upload)} stores a file. Answers as
	 * {@link #upload(Upload)}.
	 * @param kind the kind the upload names, for the authorization
	 */
	@PreAuthorize(DocumentAccess.UPLOADERS)
	@Transactional(rollbackFor = Exception.class)
	public Document upload(String businessKey, String kind, Incoming incoming, String uploadedBy) throws IOException {
		if (incoming.spooled() != null) {
			Form form = incoming.rest();
			return upload(new Upload(businessKey, form.kind(), form.language(), form.title(), incoming.filename(),
					incoming.spooled(), uploadedBy));
		}
		Form form = incoming.form();
		Checked checked = check(businessKey, form.kind(), form.language(), form.title(), incoming.filename());
		Long revises = revises(checked);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		NewVersion version = version(checked, revises, "", uploadedBy, now);
		long id = this.store.create(version);
		ContentTypes.Head head = new ContentTypes.Head();
		Stored stored;
		try (InputStream content = new ObservableInputStream(incoming.content(), head)) {
			stored = this.store.append(id, content, (int) this.properties.chunkSize().toBytes());
		}
		Form complete = incoming.rest();
		if (!complete.equals(form)) {
			// fields after the file: a title (a kind or language given twice fails its
			// check, so the revised version stays the same)
			checked = check(businessKey, complete.kind(), complete.language(), complete.title(), incoming.filename());
			version = version(checked, revises, "", uploadedBy, now);
		}
		if (stored.size() == 0) {
			throw new FieldValidationException("file", "is empty");
		}
		this.store.complete(id, version.withContentType(allowedType(stored, head)), stored);
		return stored(checked, id);
	}

	/**
	 * Copies a version's content to a temporary file and checks its SHA-256 against the
	 * one recorded at upload, before anything is sent. The caller deletes the file.
	 * @throws ChecksumMismatchException when the content is no longer what was uploaded
	 */
	@Transactional(readOnly = true)
	public Path verifiedCopy(Document document) throws IOException {
		Path copy = temporaryFile("document-");
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

	private Checked check(String businessKey, String kind, String language, String title, String filename) {
		DocumentKind documentKind = kind(kind);
		String checkedLanguage = language(language);
		String checkedTitle = title(title);
		String checkedFilename = filename(filename);
		RequestRecord request = this.requests.find(businessKey)
			.orElseThrow(() -> new NotFoundException("No extension request " + businessKey));
		return new Checked(request, documentKind, checkedLanguage, checkedTitle, checkedFilename);
	}

	/** The version a revised request revises: the newest request or revision. */
	private Long revises(Checked checked) {
		if (checked.kind() != DocumentKind.REVISED_REQUEST) {
			return null;
		}
		return this.store
			.latest(checked.request().businessKey(),
					List.of(DocumentKind.REQUEST.code(), DocumentKind.REVISED_REQUEST.code()), null)
			.map(Document::id)
			.orElse(null);
	}

	private NewVersion version(Checked checked, Long revises, String contentType, String uploadedBy, Instant now) {
		String businessKey = checked.request().businessKey();
		int version = this.store.nextVersion(businessKey, checked.kind().code(), checked.language(), checked.title());
		return new NewVersion(businessKey, checked.kind().code(), checked.language(), checked.title(), version,
				checked.filename(), contentType, revises, uploadedBy, now);
	}

	/**
	 * The type of content stored as it arrived, if it is one of those accepted: told from
	 * its start, or for a container (a ZIP, an OLE2 file) from the whole of it, read back
	 * from this transaction into a temporary file.
	 */
	private String allowedType(Stored stored, ContentTypes.Head head) throws IOException {
		if (!head.needsWholeFile()) {
			return allowed(this.contentTypes.detect(head));
		}
		Path copy = temporaryFile("upload-");
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy), COPY_BUFFER)) {
				this.store.copyContent(stored.id(), stored.chunks(), out);
			}
			return allowedType(copy);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** The type told from the file's bytes, if it is one of those accepted. */
	private String allowedType(Path file) throws IOException {
		return allowed(this.contentTypes.detect(file));
	}

	private String allowed(String contentType) {
		if (!this.properties.allows(contentType)) {
			throw new UnsupportedContentException(contentType);
		}
		return contentType;
	}

	/** The version as stored: logged, and the rapporteur told of a request or annex. */
	private Document stored(Checked checked, long id) {
		Document document = this.store.find(id).orElseThrow();
		log.info("Document {} stored: {} {} v{} of {}, {} bytes, {}, sha256 {}", document.id(), document.kind(),
				document.language(), document.version(), document.businessKey(), document.size(),
				document.contentType(), document.sha256());
		DocumentKind kind = checked.kind();
		if (kind == DocumentKind.REQUEST || kind == DocumentKind.REVISED_REQUEST || kind == DocumentKind.ANNEX) {
			tellRapporteur(checked.request(), document);
		}
		return document;
	}

	private Path temporaryFile(String prefix) throws IOException {
		Path directory = (this.properties.temporaryDirectory() != null) ? Path.of(this.properties.temporaryDirectory())
				: null;
		return (directory != null) ? Files.createTempFile(directory, prefix, ".bin")
				: Files.createTempFile(prefix, ".bin");
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

	/**
	 * An upload as it arrives: the form's fields read before its file, the file's bytes
	 * as they come, then the rest of the form.
	 */
	public interface Incoming {

		/** The fields read before the file. */
		Form form();

		/** The name the uploader gave the file. */
		String filename();

		/** The file's bytes as they arrive, read once; over the size limit it fails. */
		InputStream content() throws IOException;

		/**
		 * The file when it is already on disk in full (its fields came after it), or
		 * {@code null} while it arrives.
		 */
		Path spooled();

		/** Reads the rest of the upload, after the file: every field of the form. */
		Form rest() throws IOException;

	}

	/**
	 * An upload form's fields as given ({@code null}: not given).
	 */
	public record Form(String kind, String language, String title) {

	}

	private record Checked(RequestRecord request, DocumentKind kind, String language, String title, String filename) {

	}

}
