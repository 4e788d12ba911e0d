package org.isu.clearance.notification;

import java.util.List;

/**
 * What a letter to a State carries: the documents feature says which of a request's
 * documents go with which letter (the decision letter: the decision document).
 */
public interface LetterAttachments {

	/**
	 * @param letter the kind of letter ({@code decision}, {@code questions}, …)
	 * @param language the State's preferred language (the letter itself may have fallen
	 * back to English)
	 */
	List<MailAttachment> forLetter(String businessKey, String letter, String language);

}
