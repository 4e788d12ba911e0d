package org.isu.clearance.registry;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.request.RequestFixtures;
import org.isu.clearance.SignedIn;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.ModuleEvents;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's pages and forms, and the work plan.
 */
@ApplicationTest
class RegistryPagesTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private ManagementService management;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void analysisGroupReadsTheRegistryButGetsNoForms() {
		ResponseEntity<String> states = SignedIn.as(this.rest, "ag-member").getForEntity("/states", String.class);
		assertThat(states.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(states.getBody()).contains("Lao").doesNotContain("/edit\"", "/states/new");
		assertThat(SignedIn.as(this.rest, "ag-member").getForEntity("/meetings", String.class).getBody())
			.contains("14MSP")
			.doesNotContain("/edit\"");
		assertThat(SignedIn.as(this.rest, "ag-member").getForEntity("/states/new", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("ag-member", "/meetings/new", form("convention", "CCM", "code", "15MSP")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void statesPageShowsTheLatestRequestAndTheDeadlineWatch() {
		RequestFixtures.state(this.registry, "VUT", "2027-10-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "VUT", "2029-10-01",
				LocalDate.now().minusDays(2).toString());
		String page = SignedIn.as(this.rest, "coordinator").getForEntity("/states", String.class).getBody();
		String row = page.substring(page.indexOf("data-state=\"CCM-VUT\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(key, "Completeness check", "14MSP", "/states/CCM/VUT/edit");
	}

	@Test
	void stateFormShowsClearMessagesAndSaves() {
		ResponseEntity<String> rejected = post("isu-officer", "/states/new",
				form("convention", "CCM", "code", "XQ", "name", "", "entryIntoForce", "2011-13-01", "clearanceDeadline",
						"2031-01-01", "focalPointEmail", "not-an-address", "preferredLanguage", "en"));
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rejected.getBody()).contains("must be a date", "must be an ISO 3166 alpha-3 code",
				"must be a well-formed email address");
		assertThat(this.registry.findState(Convention.CCM, "XQ")).isEmpty();

		ResponseEntity<String> saved = post("isu-officer", "/states/new",
				form("convention", "CCM", "code", "pLw", "name", "Palau", "entryIntoForce", "2011-01-01",
						"clearanceDeadline", "2031-01-01", "focalPointEmail", "focal@palau.example",
						"preferredLanguage", "en", "notes", ""));
		assertThat(saved.getBody()).contains("data-state=\"CCM-PLW\"").doesNotContain("field-error");
		assertThat(this.registry.state(Convention.CCM, "PLW").name()).isEqualTo("Palau");

		ResponseEntity<String> duplicate = post("isu-officer", "/states/new",
				form("convention", "CCM", "code", "PLW", "name", "Palau", "entryIntoForce", "2011-01-01",
						"clearanceDeadline", "2031-01-01", "focalPointEmail", "focal@palau.example",
						"preferredLanguage", "en"));
		assertThat(duplicate.getBody()).contains("already registered");

		ResponseEntity<String> edited = post("coordinator", "/states/CCM/PLW/edit",
				form("convention", "CCM", "code", "PLW", "name", "Republic of Palau", "entryIntoForce", "2011-01-01",
						"clearanceDeadline", "2010-01-01", "focalPointEmail", "focal@palau.example",
						"preferredLanguage", "fr"));
		assertThat(edited.getBody()).contains("must not be before entryIntoForce");
		assertThat(this.registry.state(Convention.CCM, "PLW").name()).isEqualTo("Palau");
	}

	@Test
	void meetingFormRejectsInvertedDatesAndSaves() {
		ResponseEntity<String> form = SignedIn.as(this.rest, "coordinator")
			.getForEntity("/meetings/CCM/14MSP/edit", String.class);
		assertThat(form.getBody()).contains("value=\"2027-09-14\"");
		ResponseEntity<String> rejected = post("coordinator", "/meetings/CCM/14MSP/edit", form("convention", "CCM",
				"code", "14MSP", "kind", "MSP", "firstDay", "2027-09-14", "lastDay", "2027-09-01", "venue", "Geneva"));
		assertThat(rejected.getBody()).contains("must not be before firstDay");
		ResponseEntity<String> created = post("coordinator", "/meetings/new",
				form("convention", "APMBC", "code", "24MSP", "kind", "MSP", "firstDay", "2027-11-29", "lastDay",
						"2027-12-03", "venue", "Geneva", "provisional", "true"));
		// saved: the browser is sent (redirected) to the list, which shows it
		assertThat(created.getBody()).contains("data-meeting=\"APMBC-24MSP\"").doesNotContain("field-error");
		assertThat(this.registry.meeting(Convention.APMBC, "24MSP").provisional()).isTrue();
		assertThat(SignedIn.as(this.rest, "coordinator")
			.getForEntity("/meetings/CCM/99MSP/edit", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void workPlanShowsTheFourQuartersTowardsTheNextMeeting() {
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.parse("2026-11-23T10:00").atZone(ZoneId.systemDefault()).toInstant()));
		RequestFixtures.state(this.registry, "KIR", "2027-10-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "KIR", "2029-10-01", "2026-11-20");
		// no request yet: its deadline watch has the 14MSP's submission due date, 14
		// December 2026
		RequestFixtures.state(this.registry, "TUV", "2027-10-01");
		// its watch starts once the registry's event reaches outreach
		ModuleEvents.awaitListeners(this.context);

		ResponseEntity<String> page = SignedIn.as(this.rest, "ag-member").getForEntity("/work-plan", String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		String ccm = page.getBody().substring(page.getBody().indexOf("data-meeting=\"CCM-14MSP\""));
		assertThat(ccm).contains(">Q4</h3>", ">Q1</h3>", ">Q2</h3>", ">Q3</h3>", "id=\"work-plan-0\"", "<circle",
				"State KIR", "/requests/" + key);
		// the same content as the quarterly digest: the activities and the deadline
		// watches
		String q4 = ccm.substring(ccm.indexOf("Q4</h3>"), ccm.indexOf("Q1</h3>"));
		assertThat(q4).contains("Oct 1, 2026 – Dec 31, 2026",
				"Discussion of priorities and activities with the CCM ISU", "data-status=\"planned\"", "State TUV",
				"contact on 2026-03-14, request due 2026-12-14");
		String q1 = ccm.substring(ccm.indexOf("Q1</h3>"), ccm.indexOf("Q2</h3>"));
		assertThat(q1)
			.contains("Jan 1, 2027 – Mar 31, 2027",
					"Continued meetings with the Analysis Group and preliminary review of the requests",
					"Outreach to relevant agencies for the working paper")
			.doesNotContain("State TUV");
		// the work plan is keyed to the meeting: the APMBC's meeting opens in November,
		// so its Q3 is October to December and its Q1 (the gender focal points) April to
		// June
		String apmbc = page.getBody().substring(page.getBody().indexOf("data-meeting=\"APMBC-23MSP\""));
		assertThat(apmbc.substring(apmbc.indexOf("Q3</h3>"))).contains("Oct 1, 2026 – Dec 31, 2026");
		assertThat(apmbc.substring(apmbc.indexOf("Q1</h3>"), apmbc.indexOf("Q2</h3>"))).contains(
				"Apr 1, 2026 – Jun 30, 2026",
				"Outreach to the CCM and APMBC gender focal points (best practices in gender mainstreaming)");
		assertThat(page.getBody()).contains("data-meeting=\"APMBC-23MSP\"");
	}

	private ResponseEntity<String> post(String user, String path, MultiValueMap<String, String> form) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return SignedIn.as(this.rest, user).postForEntity(path, new HttpEntity<>(form, headers), String.class);
	}

	private static MultiValueMap<String, String> form(String... keyValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.add(keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

}
