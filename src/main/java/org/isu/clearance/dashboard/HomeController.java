package org.isu.clearance.dashboard;

import java.security.Principal;

import org.isu.clearance.registry.Registry;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in start page and the login page.
 */
@Controller
class HomeController {

	private final Registry registry;

	HomeController(Registry registry) {
		this.registry = registry;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("user", authentication.getName());
		model.addAttribute("groups",
				authentication.getAuthorities()
					.stream()
					.map((authority) -> authority.getAuthority().substring(6))
					.toList());
		model.addAttribute("meetings", this.registry.meetings(null));
		model.addAttribute("states", this.registry.states(null));
		return "home";
	}

	@GetMapping("/login")
	String login(Principal principal) {
		return (principal != null) ? "redirect:/" : "login";
	}

}
