package org.isu.clearance.request;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.isu.clearance.request.ExtensionRequests.StartedRequest;
import org.isu.clearance.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting and withdrawing extension requests through the API (the ISU and the
 * coordinators).
 */
@RestController
@RequestMapping("/api/extension-requests")
class ExtensionRequestController {

	private final ExtensionRequests requests;

	private final RequestVersions versions;

	ExtensionRequestController(ExtensionRequests requests, RequestVersions versions) {
		this.requests = requests;
		this.versions = versions;
	}

	/**
	 * The versions of the State's request: as received, then each revised request.
	 */
	@GetMapping("/{businessKey}/versions")
	List<RequestVersions.RequestVersion> versions(@PathVariable String businessKey) {
		List<RequestVersions.RequestVersion> list = this.versions.list(businessKey);
		if (list.isEmpty()) {
			throw new NotFoundException("No extension request " + businessKey);
		}
		return list;
	}

	/**
	 * Starts a request. Body: {@code convention}, {@code stateCode},
	 * {@code requestedDeadline}, {@code submittedOn}, optional {@code meetingCode} and
	 * {@code summary}.
	 */
	@PostMapping
	ResponseEntity<StartedRequest> start(@RequestBody StartInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.requests.start(input.toVariables()));
	}

	@PostMapping("/{businessKey}/withdraw")
	ResponseEntity<Void> withdraw(@PathVariable String businessKey, @Valid @RequestBody WithdrawInput input) {
		this.requests.withdraw(businessKey, input.reason());
		return ResponseEntity.noContent().build();
	}

	record StartInput(String convention, String stateCode, String requestedDeadline, String submittedOn,
			String meetingCode, String summary) {

		Map<String, Object> toVariables() {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put(ExtensionRequestProcess.CONVENTION, this.convention);
			variables.put(ExtensionRequestProcess.STATE_CODE, this.stateCode);
			variables.put(ExtensionRequestProcess.REQUESTED_DEADLINE, this.requestedDeadline);
			variables.put(ExtensionRequestProcess.SUBMITTED_ON, this.submittedOn);
			variables.put(ExtensionRequestProcess.MEETING_CODE, this.meetingCode);
			variables.put(ExtensionRequestProcess.SUMMARY, this.summary);
			return variables;
		}

	}

	record WithdrawInput(@NotBlank @Size(max = 4000) String reason) {

	}

}
