package org.isu.clearance.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.isu.clearance.registry.RegistryForms.MeetingForm;
import org.isu.clearance.registry.RegistryForms.StateForm;
import org.isu.clearance.registry.DeadlineWatchPlans.WatchPlan;
import org.isu.clearance.registry.LatestRequests.LatestRequest;
import org.isu.clearance.shared.ConflictException;
import org.isu.clearance.shared.EngineClock;
import org.isu.clearance.shared.FieldValidationException;

import org.isu.clearance.shared.PageController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry as pages: States Parties with their deadline, the status of their latest
 * extension request and their deadline watch; the meeting calendar; forms to register and
 * edit both (the ISU, coordinators and administrators).
 */
@PageController
class RegistryPagesController {

	private final Registry registry;

	private final ObjectProvider<DeadlineWatchPlans> watchPlans;

	private final ObjectProvider<LatestRequests> latestRequests;

	private final Validator validator;

	RegistryPagesController(Registry registry, ObjectProvider<DeadlineWatchPlans> watchPlans,
			ObjectProvider<LatestRequests> latestRequests, Validator validator) {
		this.registry = registry;
		this.watchPlans = watchPlans;
		this.latestRequests = latestRequests;
		this.validator = validator;
	}

	@GetMapping("/states")
	String states(Model model) {
		List<StateParty> states = this.registry.states(null);
		Map<String, LatestRequest> latest = this.latestRequests.getIfAvailable(() -> (asked) -> Map.of()).of(states);
		LocalDate today = EngineClock.today();
		List<StateRow> rows = states.stream().map((state) -> {
			Optional<WatchPlan> plan = plan(state);
			LocalDate watch = plan.map(WatchPlan::deadlineWatch).orElse(null);
			LatestRequest request = latest.get(state.key());
			boolean watched = watch != null && !today.isBefore(watch) && today.isBefore(state.clearanceDeadline());
			boolean needsRequest = watched && (request == null || !request.isOpen());
			return new StateRow(state, request, watch, plan.map(WatchPlan::targetMeeting).orElse(null),
					plan.map(WatchPlan::submissionDue).orElse(null), watched, needsRequest);
		}).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("today", today);
		// the reports due on 30 April of this year cover last year
		model.addAttribute("article7", this.registry.article7Counts(today.getYear() - 1));
		return "states";
	}

	@GetMapping("/states/new")
	String newState(Model model) {
		return stateForm(new StateForm(), true, model);
	}

	@PostMapping("/states/new")
	String createState(@ModelAttribute("form") StateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return saveState(form, errors, model, redirect, true, () -> this.registry.createState(form.toInput()));
	}

	@GetMapping("/states/{convention}/{code}/edit")
	String editState(@PathVariable String convention, @PathVariable String code, Model model) {
		return stateForm(StateForm.of(this.registry.state(convention(convention), code)), false, model);
	}

	@PostMapping("/states/{convention}/{code}/edit")
	String updateState(@PathVariable String convention, @PathVariable String code,
			@ModelAttribute("form") StateForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Convention edited = convention(convention);
		this.registry.state(edited, code);
		return saveState(form, errors, model, redirect, false,
				() -> this.registry.updateState(edited, code, form.toInput()));
	}

	@GetMapping("/meetings")
	String meetings(Model model) {
		model.addAttribute("meetings", this.registry.meetings(null));
		return "meetings";
	}

	@GetMapping("/meetings/new")
	String newMeeting(Model model) {
		return meetingForm(new MeetingForm(), true, model);
	}

	@PostMapping("/meetings/new")
	String createMeeting(@ModelAttribute("form") MeetingForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return saveMeeting(form, errors, model, redirect, true, () -> this.registry.createMeeting(form.toInput()));
	}

	@GetMapping("/meetings/{convention}/{code}/edit")
	String editMeeting(@PathVariable String convention, @PathVariable String code, Model model) {
		return meetingForm(MeetingForm.of(this.registry.meeting(convention(convention), code)), false, model);
	}

	@PostMapping("/meetings/{convention}/{code}/edit")
	String updateMeeting(@PathVariable String convention, @PathVariable String code,
			@ModelAttribute("form") MeetingForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Convention edited = convention(convention);
		this.registry.meeting(edited, code);
		return saveMeeting(form, errors, model, redirect, false,
				() -> this.registry.updateMeeting(edited, code, form.toInput()));
	}

	private String saveState(StateForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			boolean creating, Supplier<?> save) {
		validate(form.toInput(), errors);
		if (!errors.hasErrors() && save(save, errors)) {
			redirect.addFlashAttribute("saved", form.getCode());
			return "redirect:/states";
		}
		return stateForm(form, creating, model);
	}

	private String saveMeeting(MeetingForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			boolean creating, Supplier<?> save) {
		validate(form.toInput(), errors);
		if (!errors.hasErrors() && save(save, errors)) {
			redirect.addFlashAttribute("saved", form.getCode());
			return "redirect:/meetings";
		}
		return meetingForm(form, creating, model);
	}

	private boolean save(Supplier<?> save, BindingResult errors) {
		try {
			save.get();
			return true;
		}
		catch (FieldValidationException ex) {
			if (errors.getFieldType(ex.field()) != null) {
				errors.rejectValue(ex.field(), "invalid", ex.reason());
			}
			else {
				errors.reject("invalid", ex.field() + ": " + ex.reason());
			}
		}
		catch (ConflictException ex) {
			errors.reject("conflict", ex.getMessage());
		}
		return false;
	}

	private <T> void validate(T input, BindingResult errors) {
		for (ConstraintViolation<T> violation : this.validator.validate(input)) {
			String field = violation.getPropertyPath().toString();
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, "invalid", violation.getMessage());
			}
		}
	}

	private String stateForm(StateForm form, boolean creating, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		model.addAttribute("conventions", Convention.values());
		model.addAttribute("languages", Language.values());
		model.addAttribute("changes",
				creating ? java.util.List.of() : this.registry.stateChanges(form.getConvention(), form.getCode()));
		return "state-form";
	}

	private String meetingForm(MeetingForm form, boolean creating, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		model.addAttribute("conventions", Convention.values());
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("changes",
				creating ? java.util.List.of() : this.registry.meetingChanges(form.getConvention(), form.getCode()));
		return "meeting-form";
	}

	private Optional<WatchPlan> plan(StateParty state) {
		// none when no meeting opens before this deadline: nothing to watch
		DeadlineWatchPlans plans = this.watchPlans.getIfAvailable();
		return (plans != null) ? plans.plan(state) : Optional.empty();
	}

	private static Convention convention(String text) {
		try {
			return Convention.valueOf(text.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new org.isu.clearance.shared.NotFoundException("No convention " + text);
		}
	}

	/**
	 * A State Party on the registry page.
	 *
	 * @param latestRequest its latest extension request, if any
	 * @param deadlineWatch from when an extension is likely (the calendar's M − 18
	 * months)
	 * @param watched today is past the deadline watch
	 * @param needsRequest watched and no request is open
	 */
	record StateRow(StateParty state, LatestRequest latestRequest, LocalDate deadlineWatch, String targetMeeting,
			LocalDate submissionDue, boolean watched, boolean needsRequest) {

	}

}
