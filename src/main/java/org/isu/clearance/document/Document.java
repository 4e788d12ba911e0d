package org.isu.clearance.document;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One version of a document in a request's record.
 *
 * @param id the version's id (what {@code /api/documents/{id}/content} serves)
 * @param kind see {@link DocumentKind}
 * @param language one of the six UN languages
 * @param title empty unless the kind has several documents (annexes)
 * @param version 1 for the first upload of this kind, language and title
 * @param filename as the uploader's browser gave it (never used as a path)
 * @param contentType as detected from the bytes
 * @param size in bytes
 * @param sha256 of the content, hexadecimal
 * @param revisesId for a revised request: the request version it revises
 * @param withdrawnBy an administrator who withdrew this version, or {@code null}
 */
public record Document(long id, String businessKey, String kind, String language, String title, int version,
		String filename, String contentType, long size, String sha256, Long revisesId, String uploadedBy,
		Instant uploadedAt, String withdrawnBy, Instant withdrawnAt, String withdrawalReason) {

	@JsonProperty("withdrawn")
	public boolean withdrawn() {
		return this.withdrawnAt != null;
	}

}
