package org.isu.clearance.workplan;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The quarterly work plan of the current cycle of each convention.
 */
@PageController
class WorkPlanController {

	private final WorkPlanPage workPlan;

	private final MessageSource messages;

	WorkPlanController(WorkPlanPage workPlan, MessageSource messages) {
		this.workPlan = workPlan;
		this.messages = messages;
	}

	@GetMapping("/work-plan")
	String workPlan(Model model, Locale locale) {
		model.addAttribute("cycles",
				this.workPlan.cycles((key) -> this.messages.getMessage(key, null, key, locale), locale));
		return "work-plan";
	}

}
