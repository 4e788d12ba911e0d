package org.isu.clearance.document;

import java.util.List;

import org.isu.clearance.request.RequestDocuments;

import org.springframework.stereotype.Component;

/**
 * The request module's questions about the documents of a request's record: its page's
 * list, and whether a step's required document is there.
 */
@Component
class RequestPageDocuments implements RequestDocuments {

	private final Documents documents;

	private final DocumentStore store;

	RequestPageDocuments(Documents documents, DocumentStore store) {
		this.documents = documents;
		this.store = store;
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

	@Override
	public boolean hasStatesRequest(String businessKey) {
		return this.store
			.latest(businessKey, List.of(DocumentKind.REQUEST.code(), DocumentKind.REVISED_REQUEST.code()), null)
			.isPresent();
	}

	@Override
	public boolean hasOfficialAnalysis(String businessKey, String language) {
		return this.store.latest(businessKey, List.of(DocumentKind.ANALYSIS_OFFICIAL.code()), language).isPresent();
	}

}
