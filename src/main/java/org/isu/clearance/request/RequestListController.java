package org.isu.clearance.request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import org.isu.clearance.request.RequestReadModel.RequestPage;
import org.isu.clearance.registry.Meeting;
import org.isu.clearance.registry.Registry;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request list (the start page) and its CSV export.
 */
@PageController
class RequestListController {

	private final RequestReadModel readModel;

	private final Registry registry;

	private final RequestListProperties properties;

	private final ExportPermits exports;

	RequestListController(RequestReadModel readModel, Registry registry, RequestListProperties properties,
			ExportPermits exports) {
		this.exports = exports;
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

	/**
	 * Every request the filter matches, without a cap, streamed as it is read (a few
	 * hundred rows in memory at a time), on the request's own thread.
	 */
	@GetMapping(path = "/requests.csv", produces = "text/csv")
	void csv(@RequestParam(required = false) String convention, @RequestParam(required = false) String meeting,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String direction, HttpServletResponse response) throws IOException {
		RequestFilter filter = RequestFilter.of(convention, meeting, stage, overdue, status, sort, direction, null,
				null, this.properties.pageSize(), this.properties.maxPageSize());
		if (!this.exports.tryAcquire()) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
					"Other exports are running; try again in a minute");
		}
		try {
			stream(filter, response);
		}
		finally {
			this.exports.release();
		}
	}

	private void stream(RequestFilter filter, HttpServletResponse response) throws IOException {
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("extension-requests.csv").build().toString());
		Writer csv = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		RequestCsv.header(csv);
		this.readModel.forEach(filter, (chunk) -> {
			try {
				RequestCsv.write(csv, chunk);
				csv.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

}
