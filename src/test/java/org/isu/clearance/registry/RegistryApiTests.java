package org.isu.clearance.registry;

import java.util.List;
import java.util.Map;

import org.isu.clearance.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class RegistryApiTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Registry registry;

	@Test
	void everyLoggedInUserReadsTheRealMeetingCalendar() {
		ResponseEntity<List<Map<String, Object>>> response = as("ag-member").exchange("/api/meetings?convention=CCM",
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).extracting((meeting) -> meeting.get("code"))
			.containsSubsequence("11MSP", "12MSP", "13MSP", "3RC", "14MSP");
		assertThat(response.getBody()).filteredOn((meeting) -> "13MSP".equals(meeting.get("code")))
			.singleElement()
			.satisfies((meeting) -> {
				assertThat(meeting.get("firstDay")).isEqualTo("2025-09-16");
				assertThat(meeting.get("provisional")).isEqualTo(false);
			});
		assertThat(response.getBody()).filteredOn((meeting) -> "14MSP".equals(meeting.get("code")))
			.singleElement()
			.satisfies((meeting) -> assertThat(meeting.get("provisional")).isEqualTo(true));
	}

	@Test
	void sampleStatesCarryTheirExtensionHistory() {
		ResponseEntity<Map<String, Object>> response = as("coordinator").exchange("/api/states/CCM/TCD", HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("clearanceDeadline", "2026-10-01")
			.containsEntry("preferredLanguage", "fr");
		assertThat((List<?>) response.getBody().get("extensions")).hasSize(2);
	}

	@Test
	void withoutCredentialsTheApiAnswers401() {
		assertThat(this.rest.getForEntity("/api/states", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("nobody", "wrong").getForEntity("/api/states", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void isuRegistersAStateParty() {
		ResponseEntity<Map<String, Object>> response = post("isu-officer", "/api/states",
				state("APMBC", "khm", "Cambodia", "2031-12-31"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).containsEntry("code", "KHM").containsEntry("convention", "APMBC");
		assertThat(this.registry.findState(Convention.APMBC, "KHM")).isPresent();
	}

	@Test
	void aDuplicateIsAConflict() {
		ResponseEntity<Map<String, Object>> response = post("coordinator", "/api/states",
				state("CCM", "IRQ", "Iraq again", "2030-01-01"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.registry.state(Convention.CCM, "IRQ").name()).isEqualTo("Iraq");
	}

	@Test
	void theAnalysisGroupReadsButDoesNotEdit() {
		ResponseEntity<Map<String, Object>> response = post("ag-member", "/api/states",
				state("CCM", "FRA", "France", "2030-01-01"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.registry.findState(Convention.CCM, "FRA")).isEmpty();
	}

	@Test
	void aBadIsoCodeIsNamed() {
		assertBadField(post("isu-officer", "/api/states", state("CCM", "XYZ", "Nowhere", "2030-01-01")), "code");
		assertBadField(post("isu-officer", "/api/states", state("CCM", "FR", "France", "2030-01-01")), "code");
	}

	@Test
	void anUnknownConventionIsNamed() {
		assertBadField(post("isu-officer", "/api/states", state("CWC", "FRA", "France", "2030-01-01")), "convention");
	}

	@Test
	void aMalformedDateIsNamed() {
		assertBadField(post("isu-officer", "/api/states", state("CCM", "FRA", "France", "2030-02-30")),
				"clearanceDeadline");
		assertBadField(post("isu-officer", "/api/states", state("CCM", "FRA", "France", "1 March 2030")),
				"clearanceDeadline");
	}

	@Test
	void aMalformedEmailIsNamed() {
		Map<String, Object> body = new java.util.HashMap<>(state("CCM", "FRA", "France", "2030-01-01"));
		body.put("focalPointEmail", "not an address");
		assertBadField(post("isu-officer", "/api/states", body), "focalPointEmail");
		body.put("focalPointEmail", "a@example.org\r\nBcc: victim@example.org");
		assertBadField(post("isu-officer", "/api/states", body), "focalPointEmail");
	}

	@Test
	void anUnknownLanguageIsNamed() {
		Map<String, Object> body = new java.util.HashMap<>(state("CCM", "FRA", "France", "2030-01-01"));
		body.put("preferredLanguage", "de");
		assertBadField(post("isu-officer", "/api/states", body), "preferredLanguage");
		assertThat(this.registry.findState(Convention.CCM, "FRA")).isEmpty();
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/api/states", new HttpEntity<>("{\"convention\": ", headers), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aMeetingWhoseLastDayPrecedesItsFirstIsRefused() {
		ResponseEntity<Map<String, Object>> response = post("coordinator", "/api/meetings", Map.of("convention", "CCM",
				"code", "15MSP", "kind", "MSP", "firstDay", "2028-09-12", "lastDay", "2028-09-01"));

		assertBadField(response, "lastDay");
		assertThat(this.registry.findMeeting(Convention.CCM, "15MSP")).isEmpty();
	}

	@Test
	void coordinatorsFixTheDatesOfAProvisionalMeeting() {
		ResponseEntity<Map<String, Object>> response = as("coordinator").exchange("/api/meetings/APMBC/23MSP",
				HttpMethod.PUT,
				new HttpEntity<>(Map.of("convention", "APMBC", "code", "23MSP", "kind", "MSP", "firstDay", "2026-11-30",
						"lastDay", "2026-12-04", "venue", "Geneva", "provisional", false, "reason",
						"Dates confirmed by the Presidency")),
				new ParameterizedTypeReference<>() {
				});

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.registry.meeting(Convention.APMBC, "23MSP").provisional()).isFalse();
	}

	@Test
	void aDuplicateMeetingIsAConflict() {
		ResponseEntity<Map<String, Object>> response = post("coordinator", "/api/meetings", Map.of("convention", "CCM",
				"code", "13MSP", "kind", "MSP", "firstDay", "2025-09-16", "lastDay", "2025-09-19"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void anUnknownStateIsNotFound() {
		assertThat(as("coordinator").getForEntity("/api/states/CCM/FRA", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("coordinator").getForEntity("/api/states/XYZ/FRA", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void recordingAnExtensionMovesTheDeadlineAndKeepsTheHistory() {
		int before = this.registry.state(Convention.CCM, "MRT").extensions().size();
		ResponseEntity<Map<String, Object>> response = post("isu-officer", "/api/states/CCM/MRT/extensions", Map
			.of("newDeadline", "2028-08-01", "meetingCode", "13MSP", "decision", "granted", "decidedOn", "2025-09-19"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		StateParty mauritania = this.registry.state(Convention.CCM, "MRT");
		assertThat(mauritania.clearanceDeadline()).hasToString("2028-08-01");
		assertThat(mauritania.extensions()).hasSize(before + 1)
			.last()
			.satisfies((extension) -> assertThat(extension.previousDeadline()).hasToString("2026-08-01"));
	}

	@Test
	void anExtensionThatDoesNotMoveTheDeadlineForwardIsRefused() {
		int before = this.registry.state(Convention.CCM, "LBN").extensions().size();
		assertBadField(
				post("isu-officer", "/api/states/CCM/LBN/extensions",
						Map.of("newDeadline", "2020-01-01", "meetingCode", "13MSP", "decision", "granted")),
				"newDeadline");
		assertThat(this.registry.state(Convention.CCM, "LBN").extensions()).hasSize(before);
	}

	@Test
	void theIsuRecordsArticle7ReportsPerReportingYearAndTheCountsFollow() {
		int before = this.registry.article7Counts(2025)
			.stream()
			.filter((c) -> c.convention() == Convention.CCM)
			.findFirst()
			.orElseThrow()
			.received();
		ResponseEntity<Map<String, Object>> recorded = as("isu-officer").exchange("/api/states/CCM/LAO/article7/2025",
				HttpMethod.PUT,
				new HttpEntity<>(
						Map.of("reportReceived", true, "reportsLapIndicators", true, "countryCoalition", false)),
				new ParameterizedTypeReference<>() {
				});
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(recorded.getBody()).containsEntry("reportingYear", 2025).containsEntry("reportReceived", true);
		// recording the year again replaces it
		as("coordinator").exchange("/api/states/CCM/LAO/article7/2025", HttpMethod.PUT,
				new HttpEntity<>(
						Map.of("reportReceived", true, "reportsLapIndicators", true, "countryCoalition", true)),
				String.class);

		ResponseEntity<List<Map<String, Object>>> reports = as("ag-member").exchange("/api/states/CCM/LAO/article7",
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(reports.getBody()).singleElement()
			.satisfies((report) -> assertThat(report).containsEntry("countryCoalition", true));
		assertThat(this.registry.article7Counts(2025)).filteredOn((c) -> c.convention() == Convention.CCM)
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.received()).isEqualTo(before + 1);
				assertThat(c.missing()).isEqualTo(c.states() - c.received());
			});
		assertThat(
				as("ag-member")
					.exchange("/api/states/CCM/LAO/article7/2025", HttpMethod.PUT,
							new HttpEntity<>(Map.of("reportReceived", true, "reportsLapIndicators", true,
									"countryCoalition", true)),
							String.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				as("isu-officer")
					.exchange("/api/states/CCM/FRA/article7/2025", HttpMethod.PUT,
							new HttpEntity<>(Map.of("reportReceived", true, "reportsLapIndicators", true,
									"countryCoalition", true)),
							String.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map<String, Object>> badYear = as("isu-officer").exchange("/api/states/CCM/LAO/article7/1900",
				HttpMethod.PUT,
				new HttpEntity<>(
						Map.of("reportReceived", true, "reportsLapIndicators", true, "countryCoalition", true)),
				new ParameterizedTypeReference<>() {
				});
		assertBadField(badYear, "reportingYear");
		assertThat(as("isu-officer")
			.exchange("/api/states/CCM/LAO/article7/2025", HttpMethod.PUT,
					new HttpEntity<>(Map.of("reportReceived", true)), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(as("ag-member").getForEntity("/api/article7?reportingYear=2025", String.class).getBody())
			.contains("\"convention\":\"CCM\"", "\"reportingYear\":2025");
	}

	@Test
	void extensionsCarryTheirStatusAndOnlyGrantedOnesMoveTheDeadline() {
		StateParty before = this.registry.state(Convention.CCM, "AFG");
		ResponseEntity<Map<String, Object>> requested = post("isu-officer", "/api/states/CCM/AFG/extensions",
				Map.of("newDeadline", "2030-03-01", "meetingCode", "14MSP", "decision", "requested"));
		assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map<String, Object>> refused = post("isu-officer", "/api/states/CCM/AFG/extensions",
				Map.of("meetingCode", "14MSP", "decision", "not-considered-late", "decidedOn", "2027-09-17"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		StateParty after = this.registry.state(Convention.CCM, "AFG");
		assertThat(after.clearanceDeadline()).isEqualTo(before.clearanceDeadline());
		assertThat(after.extensions()).hasSize(before.extensions().size() + 2)
			.extracting((extension) -> extension.decision())
			.contains("requested", "not-considered-late");
		assertThat(after.extensions()).filteredOn((extension) -> "not-considered-late".equals(extension.decision()))
			.singleElement()
			.satisfies((extension) -> assertThat(extension.newDeadline()).isEqualTo(before.clearanceDeadline()));
		assertBadField(post("isu-officer", "/api/states/CCM/AFG/extensions",
				Map.of("meetingCode", "14MSP", "decision", "approved")), "decision");
		assertBadField(post("isu-officer", "/api/states/CCM/AFG/extensions",
				Map.of("meetingCode", "14MSP", "decision", "granted")), "newDeadline");
	}

	@Test
	void everyEditOfTheRegistryIsRecordedWithWhoWhenWhatAndWhy() {
		assertThat(post("isu-officer", "/api/states", state("CCM", "BRN", "Brunei", "2029-03-01")).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		Map<String, Object> edit = new java.util.HashMap<>(state("CCM", "BRN", "Brunei", "2029-03-01"));
		edit.put("focalPointEmail", "new.focal@example.org");
		// an edit without its reason is refused and changes nothing
		ResponseEntity<Map<String, Object>> withoutReason = as("coordinator").exchange("/api/states/CCM/BRN",
				HttpMethod.PUT, new HttpEntity<>(edit), new ParameterizedTypeReference<>() {
				});
		assertBadField(withoutReason, "reason");
		assertThat(this.registry.state(Convention.CCM, "BRN").focalPointEmail()).isEqualTo("focal.point@example.org");

		edit.put("reason", "Note verbale of the Permanent Mission naming a new focal point");
		assertThat(
				as("coordinator").exchange("/api/states/CCM/BRN", HttpMethod.PUT, new HttpEntity<>(edit), String.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.OK);

		ResponseEntity<List<Map<String, Object>>> changes = as("ag-member").exchange("/api/states/CCM/BRN/changes",
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(changes.getBody().get(0)).containsEntry("field", "focalPointEmail")
			.containsEntry("oldValue", "focal.point@example.org")
			.containsEntry("newValue", "new.focal@example.org")
			.containsEntry("reason", "Note verbale of the Permanent Mission naming a new focal point")
			.containsEntry("changedBy", "coordinator")
			.containsKey("changedAt");
		assertThat(changes.getBody())
			.anySatisfy((change) -> assertThat(change).containsEntry("field", "clearanceDeadline")
				.containsEntry("newValue", "2029-03-01")
				.containsEntry("changedBy", "isu-officer"));
	}

	private TestRestTemplate as(String user) {
		return this.rest.withBasicAuth(user, "demo");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() {
		});
	}

	private static Map<String, Object> state(String convention, String code, String name, String deadline) {
		return Map.of("convention", convention, "code", code, "name", name, "entryIntoForce", "2011-08-01",
				"clearanceDeadline", deadline, "focalPointEmail", "focal.point@example.org", "preferredLanguage", "fr");
	}

	private static void assertBadField(ResponseEntity<Map<String, Object>> response, String field) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("field", field);
		assertThat((String) response.getBody().get("detail")).startsWith(field + ":");
	}

}
