package org.isu.clearance.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RepositoryService;
import org.isu.clearance.identity.AccessPolicy;
import org.isu.clearance.request.RequestDocuments.RecordDocument;
import org.isu.clearance.request.RequestDetails.Details;
import org.isu.clearance.registry.Language;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One request's page: facts, diagram with its path, timeline, the documents of its record
 * (with the upload form for those who may upload), audit trail with every upload, mails.
 */
@PageController
class RequestPageController {

	private final RequestDetails details;

	private final RequestTimeline timeline;

	private final RepositoryService repository;

	private final MessageSource messages;

	private final ObjectProvider<RequestDocuments> documents;

	private final RequestVersions versions;

	RequestPageController(RequestDetails details, RequestTimeline timeline, RepositoryService repository,
			MessageSource messages, ObjectProvider<RequestDocuments> documents, RequestVersions versions) {
		this.documents = documents;
		this.versions = versions;
		this.details = details;
		this.timeline = timeline;
		this.repository = repository;
		this.messages = messages;
	}

	@GetMapping("/requests/{businessKey}")
	String request(@PathVariable String businessKey, Model model, Locale locale, Authentication user) {
		Details request = find(businessKey);
		model.addAttribute("details", request);
		model.addAttribute("request", request.request());
		RequestDocuments record = this.documents.getIfAvailable();
		List<RecordDocument> documents = (record != null) ? record.of(businessKey) : List.of();
		model.addAttribute("documents", documents);
		model.addAttribute("versions", this.versions.list(businessKey));
		model.addAttribute("uploads",
				documents.stream().sorted(Comparator.comparing(RecordDocument::uploadedAt)).toList());
		model.addAttribute("documentKinds", (record != null) ? record.kinds() : List.of());
		model.addAttribute("languages", Language.codes());
		model.addAttribute("mayUpload", AccessPolicy.canUploadDocuments(user));
		model.addAttribute("timeline",
				this.timeline.chart(request, (key) -> this.messages.getMessage(key, null, key, locale), locale));
		return "request";
	}

	/**
	 * The BPMN model the request runs on, for the diagram viewer.
	 */
	@GetMapping(path = "/requests/{businessKey}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> diagram(@PathVariable String businessKey) throws IOException {
		Details request = find(businessKey);
		if (request.processDefinitionId() == null) {
			throw new NotFoundException("No diagram for " + businessKey);
		}
		try (InputStream model = this.repository.getProcessModel(request.processDefinitionId())) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_XML)
				.body(new String(model.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private Details find(String businessKey) {
		return this.details.details(businessKey)
			.orElseThrow(() -> new NotFoundException("No extension request " + businessKey));
	}

}
