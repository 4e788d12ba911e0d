package org.isu.clearance.feed;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.ManagementService;
import org.isu.clearance.request.RequestFixtures;
import org.isu.clearance.SignedIn;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.request.ExtensionRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar feed, parsed with ical4j as a calendar client would, and its personal
 * tokens.
 */
@ApplicationTest
class CalendarFeedTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Autowired
	private ExtensionRequests requests;

	@Autowired
	private ManagementService management;

	@Test
	void feedHasMeetingsSubmissionDueDatesAndTaskDueDates() throws Exception {
		RequestFixtures.state(this.registry, "WSM", "2027-10-01");
		String key = RequestFixtures.startRequest(this.requests, this.management, "WSM", "2029-10-01",
				LocalDate.now().minusDays(3).toString());

		ResponseEntity<String> response = this.rest.withBasicAuth("coordinator", "demo")
			.getForEntity("/calendar.ics", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/calendar")))
			.isTrue();
		Calendar calendar = new CalendarBuilder().build(new StringReader(response.getBody()));
		calendar.validate();
		List<VEvent> events = calendar.getComponents("VEVENT");
		VEvent meeting = event(events, "CCM 14MSP (MSP)");
		assertThat(value(meeting, Property.DTSTART)).isEqualTo("20270914");
		assertThat(value(meeting, Property.DTEND)).isEqualTo("20270918");
		assertThat(value(meeting, Property.STATUS)).isEqualTo("TENTATIVE");
		VEvent submission = event(events, "Submission due: State WSM (" + key + ")");
		assertThat(value(submission, Property.DTSTART)).isEqualTo("20261214");
		VEvent task = event(events, "Due: Completeness check — State WSM (" + key + ")");
		assertThat(value(task, Property.DTSTART)).endsWith("Z");
		assertThat(value(task, Property.URL)).endsWith("/requests/" + key);
		assertThat(events.stream().map((event) -> value(event, Property.UID)).distinct().count())
			.isEqualTo(events.size());
	}

	@Test
	void feedNeedsCredentialsOrAValidToken() {
		assertThat(this.rest.getForEntity("/calendar.ics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/calendar.ics?token=guessed", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("nobody-at-all", "wrong")
			.getForEntity("/calendar.ics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void personalTokenWorksUntilRevokedOrReplaced() {
		String page = post("/calendar/token");
		String token = token(page);
		assertThat(this.rest.getForEntity("/calendar.ics?token=" + token, String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		String replaced = token(post("/calendar/token"));
		assertThat(replaced).isNotEqualTo(token);
		assertThat(this.rest.getForEntity("/calendar.ics?token=" + token, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/calendar.ics?token=" + replaced, String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(post("/calendar/token/revoke")).contains("revoked");
		assertThat(this.rest.getForEntity("/calendar.ics?token=" + replaced, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private String post(String path) {
		ResponseEntity<String> response = SignedIn.as(this.rest, "ag-member2")
			.postForEntity(path, new HttpEntity<>(new HttpHeaders()), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static String token(String page) {
		Matcher matcher = Pattern.compile("calendar\\.ics\\?token=([A-Za-z0-9_-]+)").matcher(page);
		assertThat(matcher.find()).as("token in page").isTrue();
		return matcher.group(1);
	}

	private static VEvent event(List<VEvent> events, String summary) {
		return events.stream()
			.filter((event) -> summary.equals(value(event, Property.SUMMARY)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event " + summary));
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}

}
