package org.isu.clearance.document;

import java.io.IOException;

import org.isu.clearance.document.RequestRecords.RequestRecord;
import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysis and draft decision generated from the record as a Word document, for the
 * rapporteur to start from.
 */
@RestController
class AnalysisController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final RequestRecords requests;

	private final AnalysisDocument analysis;

	AnalysisController(RequestRecords requests, AnalysisDocument analysis) {
		this.requests = requests;
		this.analysis = analysis;
	}

	@GetMapping("/api/extension-requests/{businessKey}/analysis.docx")
	@PreAuthorize(DocumentAccess.READERS)
	ResponseEntity<byte[]> analysis(@PathVariable String businessKey,
			@RequestParam(defaultValue = "en") String language) throws IOException {
		if (!AnalysisDocument.LANGUAGES.contains(language)) {
			throw new FieldValidationException("language",
					"'" + language + "' is not one of " + AnalysisDocument.LANGUAGES);
		}
		RequestRecord request = this.requests.find(businessKey)
			.orElseThrow(() -> new NotFoundException("No extension request " + businessKey));
		byte[] document = this.analysis.generate(request, language);
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					DocumentController.contentDisposition("analysis-" + businessKey + "-" + language + ".docx"))
			.header("X-Content-Type-Options", "nosniff")
			.body(document);
	}

}
