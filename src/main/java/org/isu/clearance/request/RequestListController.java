package org.isu.clearance.request;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import org.isu.clearance.request.RequestReadModel.RequestPage;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request list (the start page) and its CSV export.
 */
@PageController
class RequestListController {

	private final RequestReadModel readModel;

	private final Registry registry;

	private final RequestListProperties properties;

	RequestListController(RequestReadModel readModel, Registry registry, RequestListProperties properties) {
		this.readModel = readModel;
		this.registry = registry;
		this.properties = properties;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) String convention, @RequestParam(required = false) String meeting,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String direction, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		RequestFilter filter = RequestFilter.of(convention, meeting, stage, overdue, status, sort, direction, page,
				size, this.properties.pageSize(), this.properties.maxPageSize());
		RequestPage result = this.readModel.page(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("links", new ListLinks(filter));
		model.addAttribute("stages", Stages.ids());
		model.addAttribute("meetings",
				this.registry.meetings(null)
					.stream()
					.filter((candidate) -> candidate.kind().decidesExtensions())
					.sorted(Comparator.comparing(Meeting::firstDay))
					.toList());
		return "home";
	}

	@GetMapping(path = "/requests.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String convention,
			@RequestParam(required = false) String meeting, @RequestParam(required = false) String stage,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String direction) {
		RequestFilter filter = RequestFilter
			.of(convention, meeting, stage, overdue, status, sort, direction, null, null, this.properties.pageSize(),
					this.properties.maxPageSize())
			.withPage(0, this.properties.exportMaxRows());
		String csv = RequestCsv.write(this.readModel.page(filter).items());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("extension-requests.csv").build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

}
