package org.isu.clearance.notification;

import java.util.List;
import java.util.Map;

import org.isu.clearance.ModuleTest;
import org.isu.clearance.notification.Outbox.RequestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification module alone with the process engine, without the request module: a
 * letter is rendered in the State's language into the outbox once, and the outbox offers
 * the mails of a request.
 */
@ModuleTest
class NotificationModuleTests {

	@Autowired
	private Outbox outbox;

	@Test
	void writesALetterInTheStatesLanguageOnceAndListsTheMailsOfTheRequest() {
		Map<String, Object> model = Map.of(MailVariables.STATE_NAME, "Palaos", MailVariables.CONVENTION, "CCM",
				MailVariables.MEETING_CODE, "15MSP", "requestLabel", "Palaos (CCM, 15MSP)", "submittedOn", "2026-11-02",
				"requestedDeadline", "2031-06-01", "meetingFirstDay", "2027-09-13");
		Outbox.TemplatedMail letter = new Outbox.TemplatedMail("module-test:acknowledgement", "state-acknowledgement",
				"focal@example.org", "fr", model, "CCM-PLW-15MSP", null, null);

		assertThat(this.outbox.enqueue(letter)).isTrue();
		assertThat(this.outbox.enqueue(letter)).isFalse();

		List<RequestMail> mails = this.outbox.mailsOf("CCM-PLW-15MSP");
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.language()).isEqualTo("fr");
			assertThat(mail.recipient()).isEqualTo("focal@example.org");
			assertThat(mail.subject()).contains("Palaos (CCM, 15MSP)");
		});
	}

}
