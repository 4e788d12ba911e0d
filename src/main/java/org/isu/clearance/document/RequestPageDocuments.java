package org.isu.clearance.document;

import java.util.List;

import org.isu.clearance.request.RequestDocuments;

import org.springframework.stereotype.Component;

/**
 * The request page's question about the documents of a request's record.
 */
@Component
class RequestPageDocuments implements RequestDocuments {

	private final Documents documents;

	RequestPageDocuments(Documents documents) {
		this.documents = documents;
	}

	@Override
	public List<RecordDocument> of(String businessKey) {
		return this.documents.list(businessKey)
			.stream()
			.map((document) -> new RecordDocument(document.id(), document.kind(), document.language(), document.title(),
					document.version(), document.filename(), document.contentType(), document.size(), document.sha256(),
					document.uploadedBy(), document.uploadedAt(), document.withdrawnBy(), document.withdrawnAt(),
					document.withdrawalReason()))
			.toList();
	}

	@Override
	public List<String> kinds() {
		return DocumentKind.codes();
	}

}
