package org.isu.clearance.notification;

import java.util.Locale;

/**
 * The language a mail is written in, and the one its recipient asked for: a letter with
 * no template in the requested language goes out in English and says so on {@code /mail}.
 * Chosen by {@link MailTemplates#language(String, String)}.
 *
 * @param requested the recipient's preferred language ({@code ar}, {@code fr}, …), null
 * when the recipient states none
 * @param used the language of the templates the mail is rendered from
 */
public record MailLanguage(String requested, String used) {

	/**
	 * Whether the recipient asked for a language the mail's templates do not exist in.
	 */
	public boolean fellBack() {
		return this.requested != null && !this.requested.equals(this.used);
	}

	/**
	 * What {@code /mail} says of a mail that fell back, such as
	 * {@code Sent in English: no
	 * Arabic template}; null otherwise.
	 */
	public String note() {
		return fellBack() ? "Sent in " + name(this.used) + ": no " + name(this.requested) + " template" : null;
	}

	/**
	 * A language's English name ({@code ar}: Arabic), or its code when Java knows none.
	 */
	static String name(String code) {
		String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
		return name.isEmpty() ? code : name;
	}

}
