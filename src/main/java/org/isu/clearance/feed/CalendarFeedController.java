package org.isu.clearance.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.isu.clearance.identity.AccessPolicy;
import org.isu.clearance.identity.Groups;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.isu.clearance.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The iCalendar feed at {@code /calendar.ics} (HTTP Basic, a signed-in session, or a
 * personal feed token) and the page where a user creates or revokes their token.
 */
@PageController
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarFeed feed;

	private final FeedTokens tokens;

	private final IdentityService identity;

	CalendarFeedController(CalendarFeed feed, FeedTokens tokens, IdentityService identity) {
		this.feed = feed;
		this.tokens = tokens;
		this.identity = identity;
	}

	@GetMapping("/calendar.ics")
	ResponseEntity<String> ics(@RequestParam(required = false) String token, Authentication authentication) {
		boolean signedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
		Optional<String> user = signedIn ? Optional.of(authentication.getName()) : this.tokens.user(token);
		if (user.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"clearance-extensions\"")
				.build();
		}
		boolean reader = signedIn ? AccessPolicy.canRead(authentication) : mayRead(user.get());
		if (!reader) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"clearance-extensions.ics\"")
			.body(this.feed.render(baseUrl()));
	}

	@GetMapping("/calendar")
	String page(Authentication authentication, Model model) {
		return page(authentication.getName(), null, model);
	}

	@PostMapping("/calendar/token")
	String createToken(Authentication authentication, Model model) {
		String token = this.tokens.create(authentication.getName());
		return page(authentication.getName(), baseUrl() + "/calendar.ics?token=" + token, model);
	}

	@PostMapping("/calendar/token/revoke")
	String revokeToken(Authentication authentication, Model model) {
		model.addAttribute("revoked", this.tokens.revoke(authentication.getName()));
		return page(authentication.getName(), null, model);
	}

	private String page(String user, String newFeedUrl, Model model) {
		model.addAttribute("feedUrl", baseUrl() + "/calendar.ics");
		model.addAttribute("newFeedUrl", newFeedUrl);
		model.addAttribute("tokenCreatedAt", this.tokens.createdAt(user).orElse(null));
		return "calendar";
	}

	private boolean mayRead(String userId) {
		return this.identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.anyMatch(AccessPolicy.READERS::contains);
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
