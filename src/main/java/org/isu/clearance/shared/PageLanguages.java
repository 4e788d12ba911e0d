package org.isu.clearance.shared;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages in English or French: {@code ?lang=fr} switches and a cookie remembers the
 * choice; without it the browser's language decides, English by default.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages implements WebMvcConfigurer {

	private static final Duration LANGUAGE_COOKIE_AGE = Duration.ofDays(365);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("clearance-lang");
		resolver
			.setDefaultLocaleFunction((request) -> Locale.FRENCH.getLanguage().equals(request.getLocale().getLanguage())
					? Locale.FRENCH : Locale.ENGLISH);
		resolver.setCookieMaxAge(LANGUAGE_COOKIE_AGE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
