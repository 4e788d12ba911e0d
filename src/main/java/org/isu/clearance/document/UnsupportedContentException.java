package org.isu.clearance.document;

/**
 * The file's content, as detected from its bytes, is not of an accepted type: 415.
 */
class UnsupportedContentException extends RuntimeException {

	private final String detectedType;

	UnsupportedContentException(String detectedType) {
		super("The file's content is " + detectedType
				+ ", which is not accepted: upload a PDF, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), plain text or image file");
		this.detectedType = detectedType;
	}

	String detectedType() {
		return this.detectedType;
	}

}
