package org.isu.clearance.identity;

import org.isu.clearance.shared.FieldValidationException;
import org.isu.clearance.shared.Formats;
import org.isu.clearance.shared.NotFoundException;
import org.isu.clearance.shared.PageController;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page ({@link PageController}) shows in its header (who is signed in, whether
 * they may edit), and the error pages: an unknown request is a 404 page, a wrong filter a
 * 400 page, never a stack trace.
 */
@ControllerAdvice(annotations = PageController.class)
class PageModelAdvice {

	private static final Formats FORMATS = new Formats();

	@ModelAttribute
	void header(Authentication authentication, Model model) {
		model.addAttribute("fmt", FORMATS);
		if (authentication == null) {
			return;
		}
		model.addAttribute("user", authentication.getName());
		model.addAttribute("groups", Groups.of(authentication));
		model.addAttribute("canEdit", AccessPolicy.canEditRegistry(authentication));
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model) {
		header(SecurityContextHolder.getContext().getAuthentication(), model);
		model.addAttribute("status", 404);
		model.addAttribute("message", ex.getMessage());
		return "problem";
	}

	@ExceptionHandler(FieldValidationException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badInput(FieldValidationException ex, Model model) {
		header(SecurityContextHolder.getContext().getAuthentication(), model);
		model.addAttribute("status", 400);
		model.addAttribute("message", ex.field() + ": " + ex.reason());
		return "problem";
	}

}
