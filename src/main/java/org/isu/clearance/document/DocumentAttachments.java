package org.isu.clearance.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.isu.clearance.notification.AttachmentContent;
import org.isu.clearance.notification.LetterAttachments;
import org.isu.clearance.notification.MailAttachment;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The documents the letters to a State carry: the decision letter attaches the meeting's
 * decision (the newest version not withdrawn, in the letter's language, otherwise in
 * English, otherwise in any language); the focal point has no account to follow a link.
 * Also reads an attachment's content, verified, when its mail is sent.
 */
@Component
class DocumentAttachments implements LetterAttachments, AttachmentContent {

	private final Documents documents;

	DocumentAttachments(Documents documents) {
		this.documents = documents;
	}

	@Override
	public List<MailAttachment> forLetter(String businessKey, String letter, String language) {
		if (!"decision".equals(letter)) {
			return List.of();
		}
		Optional<Document> decision = this.documents.latest(businessKey, DocumentKind.DECISION, language)
			.or(() -> this.documents.latest(businessKey, DocumentKind.DECISION, "en"))
			.or(() -> this.documents.latest(businessKey, DocumentKind.DECISION, null));
		return decision
			.map((document) -> List.of(new MailAttachment(document.id(), document.filename(), document.contentType())))
			.orElse(List.of());
	}

	@Override
	public Path verifiedCopy(long documentId) throws IOException {
		Document document = this.documents.find(documentId)
			.orElseThrow(() -> new NotFoundException("No document " + documentId));
		return this.documents.verifiedCopy(document);
	}

}
