package org.isu.clearance.identity;

import java.security.Principal;

import org.isu.clearance.shared.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page of the application's own pages (Camunda's web apps have theirs); a
 * signed-in user goes to the start page instead.
 */
@PageController
class LoginController {

	@GetMapping("/login")
	String login(Principal principal) {
		return (principal != null) ? "redirect:/" : "login";
	}

}
