package org.isu.clearance.notification;

import java.util.List;
import java.util.Set;

import org.isu.clearance.identity.AccessPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.isu.clearance.shared.NotFoundException;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The {@code /mail} page: what the outbox holds, sent or not, for coordinators and
 * administrators; with no SMTP server configured this is where the mails can be read.
 * Administrators may give a failed mail another attempt.
 */
@PageController
@RequestMapping("/mail")
class MailController {

	static final List<String> STATUS_ORDER = List.of("pending", "sending", "sent", "failed", "historical");

	static final Set<String> STATUSES = Set.copyOf(STATUS_ORDER);

	private static final int PAGE_SIZE = 200;

	private final Outbox outbox;

	MailController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String businessKey, Model model) {
		status = blankToNull(status);
		kind = blankToNull(kind);
		businessKey = blankToNull(businessKey);
		if (status != null && !STATUSES.contains(status)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of " + STATUSES);
		}
		if (businessKey != null && businessKey.length() > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "businessKey is too long");
		}
		List<OutboxRow> rows = this.outbox.list(status, kind, businessKey, PAGE_SIZE);
		model.addAttribute("mails", rows);
		model.addAttribute("limited", rows.size() == PAGE_SIZE);
		model.addAttribute("statuses", STATUS_ORDER);
		model.addAttribute("kinds", this.outbox.kinds());
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("businessKey", businessKey);
		model.addAttribute("statistics", this.outbox.statistics());
		return "outbox/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Authentication authentication, Model model) {
		model.addAttribute("mail", this.outbox.find(id).orElseThrow(() -> new NotFoundException("No mail " + id)));
		model.addAttribute("admin", AccessPolicy.isAdministrator(authentication));
		return "outbox/mail";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		if (this.outbox.find(id).isEmpty()) {
			throw new NotFoundException("No mail " + id);
		}
		if (!this.outbox.retry(id)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a failed mail can be retried");
		}
		redirect.addFlashAttribute("message", "The mail will be sent again at the next delivery poll.");
		return "redirect:/mail/" + id;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
