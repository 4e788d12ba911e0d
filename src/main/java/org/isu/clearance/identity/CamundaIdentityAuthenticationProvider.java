package org.isu.clearance.identity;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against Camunda's identity service, throttled per
 * client by {@link LoginThrottle}, and grants one authority per Camunda group, so the
 * application's pages, its API and {@code /engine-rest} share Tasklist's users.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		Duration locked = this.throttle.lockedFor(client, userId);
		if (!locked.isZero()) {
			throw new LoginThrottledException(locked);
		}
		if (userId == null || userId.isBlank() || credentials == null
				|| !this.identityService.checkPassword(userId, credentials.toString())) {
			this.throttle.failed(client, userId);
			throw new BadCredentialsException("Bad credentials");
		}
		this.throttle.succeeded(client, userId);
		List<SimpleGrantedAuthority> authorities = groupIds(userId).stream()
			.map((groupId) -> new SimpleGrantedAuthority(Groups.AUTHORITY_PREFIX + groupId))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	List<String> groupIds(String userId) {
		return this.identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
