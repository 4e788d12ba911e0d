package org.isu.clearance.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code /calendar.ics} lets calendar clients in with HTTP Basic or a personal feed token
 * in the URL (checked by {@link CalendarFeedController}), besides a signed-in session.
 * The other filter chains (identity's {@code SecurityConfiguration}) would send a client
 * without a session to the login form.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/calendar.ics"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.httpBasic((basic) -> basic.realmName("clearance-extensions"))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
