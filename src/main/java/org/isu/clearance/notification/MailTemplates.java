package org.isu.clearance.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.isu.clearance.registry.Language;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders every e-mail, internal mails and letters to States alike, from the Thymeleaf
 * templates in {@code classpath:mail/}: for each template {@code K}, {@code K.txt} (plain
 * text; its first line is the subject's template) and {@code K.html} (the HTML part, on
 * {@code layout.html}), worded from one message bundle per language,
 * {@code mail/messages[_fr|_es].properties}. The structure of a mail is the same in every
 * language; only the wording differs. User text is escaped in the HTML part; the subject
 * is always one line.
 * <p>
 * The language is chosen in one place, {@link #language(String, String)}: the recipient's
 * where the template exists in it, otherwise English.
 */
@Component
public class MailTemplates {

	/** The language every template exists in, and the one a mail falls back to. */
	public static final String DEFAULT_LANGUAGE = "en";

	static final String ROOT = "mail/";

	private static final String BUNDLE = ROOT + "messages";

	private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

	private static final Map<String, Optional<Properties>> BUNDLES = new ConcurrentHashMap<>();

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final Map<String, String[]> sources = new ConcurrentHashMap<>();

	MailTemplates() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename(BUNDLE);
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
		resolver.setPrefix(ROOT);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * The language a State's letter goes out in (see {@link #language(String, String)}).
	 */
	public static MailLanguage language(String template, Language preferred) {
		return language(template, (preferred != null) ? preferred.name() : null);
	}

	/**
	 * The one place a mail's language is chosen: the recipient's preferred language where
	 * the template exists in it, otherwise English. A template exists in a language when
	 * that language's bundle has every key of the template ({@code K.*}) and every shared
	 * key (those of no template) that the English bundle has, so no mail mixes two
	 * languages.
	 * @param template the template, such as {@code state-acknowledgement}
	 * @param preferred the recipient's preferred language: a code such as {@code ar} or
	 * {@code fr}; null or blank when it states none
	 * @return the language asked for and the one used; {@link MailLanguage#fellBack()}
	 * when they differ
	 */
	public static MailLanguage language(String template, String preferred) {
		String requested = (preferred != null && !preferred.isBlank())
				? Outbox.truncate(preferred.strip().toLowerCase(Locale.ROOT), 16) : null;
		if (requested == null) {
			return new MailLanguage(null, DEFAULT_LANGUAGE);
		}
		return new MailLanguage(requested, exists(template, requested) ? requested : DEFAULT_LANGUAGE);
	}

	static boolean exists(String template, String language) {
		if (DEFAULT_LANGUAGE.equals(language)) {
			return true;
		}
		if (!LANGUAGE_CODE.matcher(language).matches()) {
			return false;
		}
		Properties english = bundle("").orElseThrow();
		Optional<Properties> translated = bundle("_" + language);
		if (translated.isEmpty()) {
			return false;
		}
		Set<String> templates = new HashSet<>();
		english.stringPropertyNames()
			.stream()
			.filter((key) -> key.endsWith(".subject") && key.indexOf('.') == key.length() - ".subject".length())
			.forEach((key) -> templates.add(key.substring(0, key.indexOf('.'))));
		if (!templates.contains(template)) {
			return false;
		}
		return english.stringPropertyNames().stream().filter((key) -> {
			String owner = (key.indexOf('.') < 0) ? key : key.substring(0, key.indexOf('.'));
			return owner.equals(template) || !templates.contains(owner);
		}).allMatch(translated.get()::containsKey);
	}

	private static Optional<Properties> bundle(String suffix) {
		return BUNDLES.computeIfAbsent(suffix, (key) -> {
			String path = BUNDLE + key + ".properties";
			try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					return Optional.empty();
				}
				Properties properties = new Properties();
				try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				return Optional.of(properties);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Renders a mail in the language {@link #language(String, String)} chooses.
	 * @param template the template, e.g. {@code task-assigned}
	 * @param preferred the recipient's preferred language, null for none
	 */
	public Rendered render(String template, String preferred, Map<String, ?> model) {
		MailLanguage language = language(template, preferred);
		Locale locale = Locale.forLanguageTag(language.used());
		String[] source = this.sources.computeIfAbsent(template, MailTemplates::textSource);
		// the subject sees every value on one line: user text cannot end it early or add
		// a header
		Map<String, Object> oneLine = new HashMap<>();
		model.forEach((name, value) -> oneLine.put(name,
				(value instanceof CharSequence text) ? OutgoingMail.singleLine(text.toString()) : value));
		String subject = OutgoingMail.singleLine(this.engine.process(source[0], new Context(locale, oneLine)));
		Map<String, Object> variables = new HashMap<>(model);
		String text = this.engine.process(source[1], new Context(locale, variables)).strip();
		text = text.replaceAll("\\n{3,}", "\n\n") + "\n";
		variables.put("subject", subject);
		String html = this.engine.process(template + ".html", new Context(locale, variables));
		return new Rendered(subject, text, html, language);
	}

	/**
	 * The subject line and the body of {@code mail/{template}.txt}.
	 */
	private static String[] textSource(String template) {
		String path = ROOT + template + ".txt";
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

	/**
	 * A rendered mail: subject, plain text, HTML part, and the language it is written in.
	 */
	public record Rendered(String subject, String text, String html, MailLanguage language) {

	}

}
