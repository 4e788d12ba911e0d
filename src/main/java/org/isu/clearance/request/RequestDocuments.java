package org.isu.clearance.request;

import java.time.Instant;
import java.util.List;

/**
 * The documents of a request's record, as the request's page lists them. The request
 * module keeps no documents; the document module answers.
 */
public interface RequestDocuments {

	/**
	 * Every version of every document of the request, withdrawn ones included.
	 */
	List<RecordDocument> of(String businessKey);

	/**
	 * The kinds of document a user may upload, by code.
	 */
	List<String> kinds();

	/**
	 * One version of a document in the record.
	 */
	record RecordDocument(long id, String kind, String language, String title, int version, String filename,
			String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt, String withdrawnBy,
			Instant withdrawnAt, String withdrawalReason) {

		public boolean withdrawn() {
			return this.withdrawnAt != null;
		}

	}

}
