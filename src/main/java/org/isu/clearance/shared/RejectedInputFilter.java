package org.isu.clearance.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a user's mistake with 4xx in Camunda's own REST layers too
 * ({@code /engine-rest} and the Tasklist API under {@code /camunda/api}): when the engine
 * failed because of an input the application rejected (see {@link RejectedInput}), the
 * engine's 500 is replaced by a 400 (or 409/404) whose message names the field. Nothing
 * was written: the engine rolled its transaction back.
 */
class RejectedInputFilter extends OncePerRequestFilter {

	private final ObjectMapper json;

	RejectedInputFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		RejectedInput.clear();
		try {
			chain.doFilter(request, buffered);
			RuntimeException rejected = RejectedInput.last();
			if (buffered.getStatus() >= 500 && rejected != null) {
				buffered.resetBuffer();
				HttpStatus status = statusOf(rejected);
				buffered.setStatus(status.value());
				buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
				buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Map<String, Object> body = (rejected instanceof FieldValidationException invalid)
						? Map.of("type", "InvalidRequestException", "message", invalid.getMessage(), "field",
								invalid.field(), "status", status.value())
						: Map.of("type", "InvalidRequestException", "message", rejected.getMessage(), "status",
								status.value());
				buffered.getOutputStream().write(this.json.writeValueAsBytes(body));
			}
		}
		finally {
			RejectedInput.clear();
			buffered.copyBodyToResponse();
		}
	}

	private static HttpStatus statusOf(RuntimeException rejected) {
		if (rejected instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (rejected instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (rejected instanceof ForbiddenException) {
			return HttpStatus.FORBIDDEN;
		}
		return HttpStatus.BAD_REQUEST;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<RejectedInputFilter> rejectedInputFilter(ObjectMapper json) {
			FilterRegistrationBean<RejectedInputFilter> registration = new FilterRegistrationBean<>(
					new RejectedInputFilter(json));
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}

	}

}
