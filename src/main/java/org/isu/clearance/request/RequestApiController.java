package org.isu.clearance.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.isu.clearance.request.RequestReadModel.RequestPage;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request list and one request's stages, open tasks, history and mails, as JSON.
 */
@RestController
@RequestMapping("/api/extension-requests")
@Tag(name = "Extension requests (read)", description = "Where every extension request stands")
class RequestApiController {

	private final RequestReadModel readModel;

	private final RequestDetails details;

	private final RequestListProperties properties;

	RequestApiController(RequestReadModel readModel, RequestDetails details, RequestListProperties properties) {
		this.readModel = readModel;
		this.details = details;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "List extension requests",
			description = "Filters, sort and page as on the dashboard's start page; stageCounts counts the open "
					+ "requests per stage whatever the stage filter.")
	RequestPage list(@Parameter(description = "CCM or APMBC") @RequestParam(required = false) String convention,
			@Parameter(description = "meeting code, such as 14MSP") @RequestParam(required = false) String meeting,
			@Parameter(description = "stage id, such as Task_FinalReview") @RequestParam(required = false) String stage,
			@Parameter(description = "only requests with an open task past its due date") @RequestParam(
					required = false) Boolean overdue,
			@Parameter(description = "open (default), closed or all") @RequestParam(required = false) String status,
			@Parameter(description = "submissionDue (default), meeting, state, convention, submittedOn, "
					+ "businessKey, started or taskDue") @RequestParam(required = false) String sort,
			@Parameter(description = "asc (default) or desc") @RequestParam(required = false) String direction,
			@Parameter(description = "page number, from 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "rows per page") @RequestParam(required = false) Integer size) {
		return this.readModel.page(RequestFilter.of(convention, meeting, stage, overdue, status, sort, direction, page,
				size, this.properties.pageSize(), this.properties.maxPageSize()));
	}

	@GetMapping("/{businessKey}")
	@Operation(summary = "One extension request",
			description = "Its stages and open tasks, the completed tasks with their recorded outcomes, and the "
					+ "mails sent for it")
	RequestDetails.Details one(@PathVariable String businessKey) {
		return this.details.details(businessKey)
			.orElseThrow(() -> new NotFoundException("No extension request " + businessKey));
	}

}
