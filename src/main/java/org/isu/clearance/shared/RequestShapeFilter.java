package org.isu.clearance.shared;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no part of the application serves, answered before anything parses them:
 * <ul>
 * <li>a path with a {@code ;} parameter ({@code /engine-rest;x=y/user}) is 400 (the
 * application uses none, and session ids travel in cookies only); Spring's path parsing
 * would otherwise fail with 500;</li>
 * <li>{@code /error} asked for directly is 404: it is where the container forwards a
 * failed request, and has no error to show otherwise.</li>
 * </ul>
 */
class RequestShapeFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.REQUEST;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		if (uri.indexOf(';') >= 0) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Path parameters (';') are not accepted");
			return;
		}
		String path = uri.substring(request.getContextPath().length());
		if ("/error".equals(path) || path.startsWith("/error/")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<RequestShapeFilter> requestShapeFilter() {
			FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(
					new RequestShapeFilter());
			registration.addUrlPatterns("/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
