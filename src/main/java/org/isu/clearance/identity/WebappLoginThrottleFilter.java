package org.isu.clearance.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' login
 * ({@code POST /camunda/api/admin/auth/user/default/login/tasklist}) checks passwords
 * itself, outside Spring Security: this filter puts the same per-client throttle in front
 * of it (429 with {@code Retry-After} while locked) and counts its outcome.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN_PATH = "/camunda/api/admin/auth/user/";

	private final LoginThrottle throttle;

	private final ObjectMapper json;

	WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
		this.throttle = throttle;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equalsIgnoreCase(request.getMethod()) || !path.startsWith(LOGIN_PATH)
				|| !path.contains("/login/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		String userId = request.getParameter("username");
		Duration locked = this.throttle.lockedFor(client, userId);
		if (!locked.isZero()) {
			LoginThrottledException throttled = new LoginThrottledException(locked);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, locked.toSeconds())));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream()
				.write(this.json
					.writeValueAsBytes(Map.of("type", "LoginThrottled", "message", throttled.getMessage())));
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.OK.value()) {
			this.throttle.succeeded(client, userId);
		}
		else if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			this.throttle.failed(client, userId);
		}
	}

}
