package org.isu.clearance.document;

/**
 * A stored document's content no longer matches the SHA-256 recorded at upload: nothing
 * is sent, the error is logged and answered with 500.
 */
class ChecksumMismatchException extends RuntimeException {

	ChecksumMismatchException(long id) {
		super("Document " + id
				+ " does not match its recorded checksum and is not sent; the ISU has been told in the log");
	}

}
