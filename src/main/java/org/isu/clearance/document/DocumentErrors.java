package org.isu.clearance.document;

import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.util.unit.DataSize;

/**
 * The documents API's own answers: 415 naming the detected type, 413 over the size limit
 * (as the file is stored or while it is read), 400 for a multipart body that cannot be
 * read, 500 (the only one) for content that fails its checksum. Everything else is the
 * application's usual problem detail.
 */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

	private final DocumentProperties properties;

	DocumentErrors(DocumentProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(UnsupportedContentException.class)
	ProblemDetail unsupported(UnsupportedContentException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
		body.setTitle("Unsupported content type");
		body.setProperty("detectedType", ex.detectedType());
		body.setProperty("field", "file");
		return body;
	}

	@ExceptionHandler(ContentTooLargeException.class)
	ProblemDetail tooLarge(ContentTooLargeException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
		body.setTitle("File too large");
		body.setProperty("field", "file");
		return body;
	}

	/** Over a limit of the upload's reader: the file, or the fields or parts. */
	@ExceptionHandler(FileUploadSizeException.class)
	ProblemDetail tooLarge(FileUploadSizeException ex) {
		if (!(ex instanceof FileUploadByteCountLimitException)) {
			ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
			body.setTitle("Upload too large");
			return body;
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The file is larger than the " + DataSize.ofBytes(this.properties.maxSize().toBytes()).toMegabytes()
						+ " MB accepted");
		body.setTitle("File too large");
		body.setProperty("field", "file");
		return body;
	}

	/** A multipart body that cannot be read. */
	@ExceptionHandler(FileUploadException.class)
	ProblemDetail malformed(FileUploadException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The upload is not a readable multipart form: " + ex.getMessage());
		body.setTitle("Malformed upload");
		return body;
	}

	@ExceptionHandler(ChecksumMismatchException.class)
	ProblemDetail corrupted(ChecksumMismatchException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
		body.setTitle("Stored content damaged");
		return body;
	}

}
