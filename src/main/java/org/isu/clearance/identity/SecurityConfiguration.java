package org.isu.clearance.identity;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.isu.clearance.identity.AccessPolicy.authorities;

/**
 * Every security filter chain of the application, all backed by Camunda's identity
 * service and decided by {@link AccessPolicy} before a request body is read:
 * <ul>
 * <li>{@code /calendar.ics}: HTTP Basic, a session or a personal feed token (checked by
 * the feed itself);</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin authenticate users themselves and
 * keep their own CSRF protection; Camunda's authorizations and {@link EngineRestGuard}
 * decide what each group may do;</li>
 * <li>{@code /engine-rest/**}: HTTP Basic only, stateless, then the engine's
 * authorizations and {@link EngineRestGuard};</li>
 * <li>Actuator: health and info open (no details, no JDK build), Prometheus for operators
 * with HTTP Basic;</li>
 * <li>{@code /api/**}: HTTP Basic or a signed-in session (which needs the CSRF token);
 * 401 instead of a redirect;</li>
 * <li>the pages: form login only (a {@code Basic} header is ignored), CSRF on every
 * state-changing request; a content security policy, no framing, HSTS over HTTPS.</li>
 * </ul>
 * Every login path is throttled per client by {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String REALM = "clearance-extensions";

	@Bean
	AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	/**
	 * A request the firewall refuses (a {@code ;} path parameter, an encoded slash) is
	 * the caller's mistake: 400.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	@Bean
	@Order(0)
	SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(path("/calendar.ics"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(basicEntryPoint()))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
		return http.securityMatcher(path("/camunda/**"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.disable())
			.requestCache((cache) -> cache.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
		return http.securityMatcher(path("/engine-rest/**"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(basicEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(basicEntryPoint()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasAnyAuthority(authorities(AccessPolicy.OPERATORS)))
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(basicEntryPoint()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService) throws Exception {
		return http.securityMatcher(path("/api/**"))
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(path(HttpMethod.POST, "/api/extension-requests"),
						path(HttpMethod.POST, "/api/extension-requests/*/withdraw"))
				.hasAnyAuthority(authorities(AccessPolicy.REQUEST_STEWARDS))
				.requestMatchers(path(HttpMethod.POST, "/api/states/**"), path(HttpMethod.PUT, "/api/states/**"),
						path(HttpMethod.POST, "/api/meetings/**"), path(HttpMethod.PUT, "/api/meetings/**"))
				.hasAnyAuthority(authorities(AccessPolicy.REGISTRY_EDITORS))
				.requestMatchers(path("/api/admin/**"), path(HttpMethod.POST, "/api/documents/*/withdraw"))
				.hasAnyAuthority(authorities(AccessPolicy.ADMINISTRATORS))
				// uploads: the ISU, the coordinators and the administrators, a request's
				// rapporteur its analysis drafts (checked by the document module)
				.requestMatchers(path(HttpMethod.POST, "/api/extension-requests/*/documents"))
				.hasAnyAuthority(authorities(AccessPolicy.READERS))
				.requestMatchers(path("/api/tasks"), path("/api/tasks/**"))
				.authenticated()
				.requestMatchers(path(HttpMethod.GET, "/api/**"))
				.hasAnyAuthority(authorities(AccessPolicy.READERS))
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(apiEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(apiEntryPoint()))
			// a browser session needs the CSRF token; a call with its own credentials,
			// or with none (answered 401), does not
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
					new NegatedRequestMatcher(SecurityConfiguration::carriesBasicCredentials),
					(request) -> request.getRequestedSessionId() != null)))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain pagesChain(HttpSecurity http, IdentityService identityService,
			SecurityHeadersProperties securityHeaders) throws Exception {
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {

			@Override
			public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
				if (exception instanceof LoginThrottledException) {
					getRedirectStrategy().sendRedirect(request, response, "/login?throttled");
					return;
				}
				super.onAuthenticationFailure(request, response, exception);
			}

		};
		return http
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(securityHeaders.contentSecurityPolicy()))
				.frameOptions((frameOptions) -> frameOptions.deny())
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true)
					.maxAgeInSeconds(securityHeaders.hstsMaxAge().toSeconds())))
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(path("/login"), path("/css/**"), path("/js/**"), path("/images/**"),
						path("/favicon.ico"), path("/error"))
				.permitAll()
				.requestMatchers(path(HttpMethod.POST, "/mail/*/retry"))
				.hasAnyAuthority(authorities(AccessPolicy.ADMINISTRATORS))
				.requestMatchers(path("/mail"), path("/mail/**"))
				.hasAnyAuthority(authorities(AccessPolicy.MAIL_READERS))
				.requestMatchers(path("/states/new"), path("/states/*/*/edit"), path("/meetings/new"),
						path("/meetings/*/*/edit"))
				.hasAnyAuthority(authorities(AccessPolicy.REGISTRY_EDITORS))
				.requestMatchers(path("/work-plan"))
				.hasAnyAuthority(authorities(AccessPolicy.WORK_PLAN_READERS))
				.requestMatchers(path("/swagger-ui/**"), path("/swagger-ui.html"), path("/v3/api-docs"),
						path("/v3/api-docs/**"))
				.authenticated()
				.anyRequest()
				.hasAnyAuthority(authorities(AccessPolicy.READERS)))
			.formLogin((form) -> form.loginPage("/login").failureHandler(failure).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	/**
	 * The rules the engine's permissions cannot express, on {@code /engine-rest} and on
	 * the webapps' engine API, after Spring Security has identified the caller.
	 */
	@Bean
	FilterRegistrationBean<EngineRestGuard> engineRestGuard(TaskWork taskWork, TaskForms forms,
			RepositoryService repository, IdentityService identityService, AuthorizationService authorizations,
			ObjectMapper json) {
		FilterRegistrationBean<EngineRestGuard> registration = new FilterRegistrationBean<>(
				new EngineRestGuard(taskWork, forms, repository, identityService, authorizations, json));
		registration.addUrlPatterns(EngineRestGuard.ENGINE_REST + "/*", EngineRestGuard.WEBAPP_ENGINE_API + "/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
		return registration;
	}

	/**
	 * Login throttling on the Camunda webapps' own login, which does not go through
	 * Spring Security.
	 */
	@Bean
	FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle, ObjectMapper json) {
		FilterRegistrationBean<WebappLoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new WebappLoginThrottleFilter(throttle, json));
		registration.addUrlPatterns(WebappLoginThrottleFilter.LOGIN_PATH + "*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
		return registration;
	}

	/**
	 * 401 with a Basic challenge, or 429 with {@code Retry-After} for a throttled client.
	 */
	private static AuthenticationEntryPoint basicEntryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		return throttledOr(basic);
	}

	/**
	 * 401 without a challenge (a browser's script gets no password dialog), or 429.
	 */
	private static AuthenticationEntryPoint apiEntryPoint() {
		return throttledOr(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
	}

	private static AuthenticationEntryPoint throttledOr(AuthenticationEntryPoint otherwise) {
		return (request, response, exception) -> {
			if (exception instanceof LoginThrottledException throttled) {
				response.setHeader(HttpHeaders.RETRY_AFTER,
						String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter()
					.write("{\"status\":429,\"title\":\"Too many failed logins\",\"detail\":\"" + throttled.getMessage()
							+ "\"}");
				return;
			}
			otherwise.commence(request, response, exception);
		};
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	private static boolean carriesBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
