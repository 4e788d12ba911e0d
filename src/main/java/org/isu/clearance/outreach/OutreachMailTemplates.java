package org.isu.clearance.outreach;

import java.util.Locale;
import java.util.Map;

import org.isu.clearance.registry.Language;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the scheduled mails of this package and of {@code workplan} from the Thymeleaf
 * templates in {@code templates/mail/outreach/}: {@code NAME_LANG.txt} (text mode; its
 * first line is the subject, then a blank line, then the body) and optionally
 * {@code NAME_LANG.html} (an HTML alternative). The language is the recipient's where it
 * is English or French, otherwise English.
 */
@Component
public class OutreachMailTemplates {

	static final String LOCATION = "templates/mail/outreach/";

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	OutreachMailTemplates() {
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	/**
	 * {@code fr} for French, otherwise {@code en}.
	 */
	public static String language(Language preferred) {
		return (preferred == Language.fr) ? "fr" : "en";
	}

	/**
	 * Renders one mail.
	 * @param name the template's name, such as {@code focal-point-reminder}
	 * @param language {@code en} or {@code fr}
	 */
	public RenderedMail render(String name, String language, Map<String, Object> model) {
		Context context = new Context(Locale.forLanguageTag(language), model);
		String text = this.engine.process(name + "_" + language + ".txt", context).strip();
		int end = text.indexOf('\n');
		String subject = (end < 0) ? text : text.substring(0, end).strip();
		String body = (end < 0) ? "" : text.substring(end + 1).strip() + "\n";
		String htmlName = name + "_" + language + ".html";
		String html = new ClassPathResource(LOCATION + htmlName).exists() ? this.engine.process(htmlName, context)
				: null;
		return new RenderedMail(subject, body, html);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(LOCATION);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(java.util.Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * A rendered mail: subject, plain text and an optional HTML alternative.
	 */
	public record RenderedMail(String subject, String text, String html) {

	}

}
