package org.isu.clearance.notification;

/**
 * The process variables that this module's delegates and task listeners read, and the
 * input parameters of a letter: a process whose steps write mails provides them. The
 * extension-request contract ({@code ExtensionRequestProcess}) names these variables with
 * these constants, so each name is written once.
 */
public final class MailVariables {

	/** The State Party's name, in the mails' subject and greeting. */
	public static final String STATE_NAME = "stateName";

	/** The convention, {@code CCM} or {@code APMBC}. */
	public static final String CONVENTION = "convention";

	/** The meeting that decides the request, e.g. {@code 15MSP}. */
	public static final String MEETING_CODE = "meetingCode";

	/** Where the State's letters go. */
	public static final String FOCAL_POINT_EMAIL = "focalPointEmail";

	/** The language the State's letters are written in, where a template exists in it. */
	public static final String PREFERRED_LANGUAGE = "preferredLanguage";

	/** Input parameter of a letter step: which letter ({@code mail/state-{letter}.*}). */
	public static final String LETTER = "letter";

	/**
	 * Optional input parameter of a letter step: the waiting task whose due date the
	 * letter quotes.
	 */
	public static final String DUE_OF = "dueOf";

	/** Input parameter of a reminder step: the task it reminds of. */
	public static final String REMINDER_FOR = "reminderFor";

	/** Input parameter of a reminder step: {@code due-soon} or {@code overdue}. */
	public static final String REMINDER_KIND = "reminderKind";

	private MailVariables() {
	}

}
