package org.isu.clearance.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the e-mails from the Thymeleaf templates in {@code classpath:mail/}: for each
 * kind {@code K}, {@code K.txt} (plain text; its first line is the subject's template)
 * and {@code K.html} (the HTML part, on {@code layout.html}), worded from
 * {@code mail/messages[_fr].properties}. User text is escaped in the HTML part; the
 * subject is always one line.
 */
@Component
class MailTemplates {

	static final Set<String> LANGUAGES = Set.of("en", "fr");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final Map<String, String[]> sources = new ConcurrentHashMap<>();

	MailTemplates() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("mail/messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		StringTemplateResolver text = new StringTemplateResolver();
		text.setTemplateMode(TemplateMode.TEXT);
		text.setOrder(2);
		this.engine.addTemplateResolver(text);
		this.engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * @param template the kind of mail, e.g. {@code task-assigned}
	 * @param language {@code en} or {@code fr}; anything else gives English
	 */
	Rendered render(String template, String language, Map<String, ?> model) {
		Locale locale = Locale.forLanguageTag(supported(language));
		String[] source = this.sources.computeIfAbsent(template, MailTemplates::textSource);
		// the subject sees every value on one line: user text cannot end it early or add
		// a
		// header
		Map<String, Object> oneLine = new HashMap<>();
		model.forEach((name, value) -> oneLine.put(name,
				(value instanceof CharSequence text) ? OutgoingMail.singleLine(text.toString()) : value));
		String subject = OutgoingMail.singleLine(this.engine.process(source[0], new Context(locale, oneLine)));
		Map<String, Object> variables = new HashMap<>(model);
		String text = this.engine.process(source[1], new Context(locale, variables)).strip();
		text = text.replaceAll("\\n{3,}", "\n\n") + "\n";
		variables.put("subject", subject);
		String html = this.engine.process(template + ".html", new Context(locale, variables));
		return new Rendered(subject, text, html);
	}

	/**
	 * The subject line and the body of {@code mail/{template}.txt}.
	 */
	private static String[] textSource(String template) {
		String path = "mail/" + template + ".txt";
		try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No mail template " + path);
			}
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int endOfSubject = source.indexOf('\n');
			return new String[] { source.substring(0, endOfSubject).strip(), source.substring(endOfSubject + 1) };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String supported(String language) {
		return (language != null && LANGUAGES.contains(language)) ? language : "en";
	}

	record Rendered(String subject, String text, String html) {

	}

}
