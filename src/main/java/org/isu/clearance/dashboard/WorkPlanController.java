package org.isu.clearance.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The quarterly work plan of the current cycle of each convention.
 */
@Controller
class WorkPlanController {

	private final WorkPlan workPlan;

	private final MessageSource messages;

	WorkPlanController(WorkPlan workPlan, MessageSource messages) {
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
