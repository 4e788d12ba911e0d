package org.isu.clearance.document;

/**
 * The file is larger than {@code clearance.documents.max-size}: 413.
 */
class ContentTooLargeException extends RuntimeException {

	ContentTooLargeException(long size, long limit) {
		super("The file has " + size + " bytes; at most " + limit + " are accepted");
	}

}
