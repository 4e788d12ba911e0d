package org.isu.clearance.feed;

import java.time.LocalDate;

import org.camunda.bpm.engine.ManagementService;
import org.isu.clearance.ModuleTest;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequests;
import org.isu.clearance.request.RequestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed module with the modules it needs and the request's model only: the calendar
 * holds the meetings, a request's submission due date and its open task's due date; a
 * personal token names its user until revoked.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=true",
		"camunda.bpm.deployment-resource-pattern=classpath*:bpmn/extension-request.bpmn,classpath*:forms/**/*.form" })
class FeedModuleTests {

	@Autowired
	private CalendarFeed feed;

	@Autowired
	private FeedTokens tokens;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private ManagementService management;

	@Test
	void publishesMeetingsAndDueDatesToTheHoldersOfAToken() {
		RequestFixtures.state(this.registry, "WSM", "2027-10-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "WSM", "2029-10-01",
				LocalDate.now().minusDays(3).toString());

		String calendar = this.feed.render("https://isu.example.org");

		assertThat(calendar).contains("SUMMARY:CCM 14MSP (MSP)")
			.contains("SUMMARY:Submission due: State WSM (" + key + ")")
			.contains("SUMMARY:Due: Completeness check — State WSM (" + key + ")")
			.contains("URL:https://isu.example.org/requests/" + key);

		String token = this.tokens.create("coordinator");
		assertThat(this.tokens.user(token)).contains("coordinator");
		this.tokens.revoke("coordinator");
		assertThat(this.tokens.user(token)).isEmpty();
	}

}
