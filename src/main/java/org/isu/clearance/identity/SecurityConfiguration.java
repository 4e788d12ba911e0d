package org.isu.clearance.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Four filter chains, all backed by Camunda's identity service:
 * <ul>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin authenticate users themselves and
 * keep their own CSRF protection; Camunda's authorizations decide what each group
 * sees.</li>
 * <li>{@code /engine-rest/**}: HTTP Basic only, stateless; the engine then checks its
 * authorizations for that user.</li>
 * <li>health and info of Actuator: open, for load balancers.</li>
 * <li>everything else (pages and {@code /api}): form login or HTTP Basic, CSRF on for
 * browser sessions; {@code /api} answers 401 instead of redirecting; a content security
 * policy, no framing, HSTS over HTTPS ({@link SecurityHeadersProperties}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
		return new ProviderManager(provider);
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
			.httpBasic((basic) -> basic.realmName("clearance-extensions"))
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
				.hasAnyAuthority(Groups.AUTHORITY_PREFIX + Groups.ADMIN, Groups.AUTHORITY_PREFIX + Groups.COORDINATORS))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain application(HttpSecurity http, IdentityService identityService,
			SecurityHeadersProperties securityHeaders) throws Exception {
		RequestMatcher api = path("/api/**");
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
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.httpBasic((basic) -> basic.realmName("clearance-extensions"))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
			// a browser session needs the CSRF token; a call carrying its own credentials
			// does not
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
					new NegatedRequestMatcher(SecurityConfiguration::carriesCredentials))))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.build();
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static boolean carriesCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
