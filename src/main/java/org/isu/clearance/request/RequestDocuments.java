package org.isu.clearance.request;

import java.time.Instant;
import java.util.List;

/**
 * The documents of a request's record, as the request's page lists them and the steps
 * that need one check them. The request module keeps no documents; the document module
 * answers.
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
	 * Whether the record holds the State's request (as received, or revised), not
	 * withdrawn.
	 */
	boolean hasStatesRequest(String businessKey);

	/**
	 * Whether the record holds the official analysis in the language, not withdrawn.
	 */
	boolean hasOfficialAnalysis(String businessKey, String language);

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
