package org.isu.clearance.outreach;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.ApplicationTest;
import org.isu.clearance.ModuleEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch follows the registry when an ISU officer edits it through the API: the system
 * action runs without the officer's Camunda authorizations (which do not include deleting
 * process instances), and the officer's edit never fails because of it.
 */
@ApplicationTest
class DeadlineWatchApiTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ApplicationContext context;

	@Test
	void registeringAndMovingADeadlineThroughTheApiStartsAndMovesTheWatch() {
		// the 17MSP (projected: 15 September 2030) decides on a deadline of 1 November
		// 2030
		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.postForEntity("/api/states", state("2030-11-01"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProcessInstance first = watch("watch-CCM-LCA-17MSP");
		assertThat(first).isNotNull();
		assertThat(this.runtime.getVariable(first.getId(), DeadlineWatchProcess.CONTACT_ON)).isEqualTo("2029-03-15");

		assertThat(this.rest.withBasicAuth("isu-officer", "demo")
			.exchange("/api/states/CCM/LCA", HttpMethod.PUT, new HttpEntity<>(state("2031-11-01")), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(watch("watch-CCM-LCA-17MSP")).isNull();
		assertThat(watch("watch-CCM-LCA-18MSP")).isNotNull();
	}

	private ProcessInstance watch(String businessKey) {
		ModuleEvents.awaitListeners(this.context);
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(DeadlineWatchProcess.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
	}

	private static Map<String, Object> state(String deadline) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("convention", "CCM");
		state.put("code", "LCA");
		state.put("name", "Saint Lucia");
		state.put("entryIntoForce", "2011-01-01");
		state.put("clearanceDeadline", deadline);
		state.put("focalPointEmail", "focal.lca@example.org");
		state.put("preferredLanguage", "es");
		state.put("reason", "Deadline as notified by the State");
		return state;
	}

}
