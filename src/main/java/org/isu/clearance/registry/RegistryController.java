package org.isu.clearance.registry;

import java.util.List;

import jakarta.validation.Valid;

import org.isu.clearance.shared.EngineClock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the registry: every logged-in user reads, the ISU and the coordinators
 * edit.
 */
@RestController
@RequestMapping("/api")
class RegistryController {

	private final Registry registry;

	RegistryController(Registry registry) {
		this.registry = registry;
	}

	/**
	 * The States Parties; {@code expired=true} only those whose deadline has passed
	 * without an extension granted, {@code expired=false} the others.
	 */
	@GetMapping("/states")
	List<StateParty> states(@RequestParam(required = false) Convention convention,
			@RequestParam(required = false) Boolean expired) {
		if (expired == null) {
			return this.registry.states(convention);
		}
		return this.registry.states(convention, expired, EngineClock.today());
	}

	@GetMapping("/states/{convention}/{code}")
	StateParty state(@PathVariable Convention convention, @PathVariable String code) {
		return this.registry.state(convention, code);
	}

	@PostMapping("/states")
	@ResponseStatus(HttpStatus.CREATED)
	StateParty createState(@Valid @RequestBody StatePartyInput input) {
		return this.registry.createState(input);
	}

	@PutMapping("/states/{convention}/{code}")
	StateParty updateState(@PathVariable Convention convention, @PathVariable String code,
			@Valid @RequestBody StatePartyInput input) {
		return this.registry.updateState(convention, code, input);
	}

	@PostMapping("/states/{convention}/{code}/extensions")
	@ResponseStatus(HttpStatus.CREATED)
	StateParty recordExtension(@PathVariable Convention convention, @PathVariable String code,
			@Valid @RequestBody ExtensionInput input) {
		return this.registry.recordExtension(convention, code, input);
	}

	/**
	 * Who changed the State Party's record, when, what and why.
	 */
	@GetMapping("/states/{convention}/{code}/changes")
	List<RegistryChange> stateChanges(@PathVariable Convention convention, @PathVariable String code) {
		return this.registry.stateChanges(convention, code);
	}

	@GetMapping("/states/{convention}/{code}/article7")
	List<Article7Report> article7Reports(@PathVariable Convention convention, @PathVariable String code) {
		return this.registry.article7Reports(convention, code);
	}

	/**
	 * Records the State's Article 7 report for a reporting year: the calendar year it
	 * covers (the report due on 30 April 2026 covers 2025).
	 */
	@PutMapping("/states/{convention}/{code}/article7/{reportingYear}")
	Article7Report recordArticle7(@PathVariable Convention convention, @PathVariable String code,
			@PathVariable int reportingYear, @Valid @RequestBody Article7ReportInput input) {
		return this.registry.recordArticle7(convention, code, reportingYear, input);
	}

	@GetMapping("/article7")
	List<Article7Counts> article7Counts(@RequestParam int reportingYear) {
		return this.registry.article7Counts(reportingYear);
	}

	@GetMapping("/meetings")
	List<Meeting> meetings(@RequestParam(required = false) Convention convention) {
		return this.registry.meetings(convention);
	}

	@GetMapping("/meetings/{convention}/{code}")
	Meeting meeting(@PathVariable Convention convention, @PathVariable String code) {
		return this.registry.meeting(convention, code);
	}

	@PostMapping("/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	Meeting createMeeting(@Valid @RequestBody MeetingInput input) {
		return this.registry.createMeeting(input);
	}

	/**
	 * Who changed the meeting, when, what and why.
	 */
	@GetMapping("/meetings/{convention}/{code}/changes")
	List<RegistryChange> meetingChanges(@PathVariable Convention convention, @PathVariable String code) {
		return this.registry.meetingChanges(convention, code);
	}

	@PutMapping("/meetings/{convention}/{code}")
	Meeting updateMeeting(@PathVariable Convention convention, @PathVariable String code,
			@Valid @RequestBody MeetingInput input) {
		return this.registry.updateMeeting(convention, code, input);
	}

}
