package org.isu.clearance.request;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;

/**
 * Builds what the process tests need: States with a chosen deadline, start variables and
 * outcome variables that pass validation.
 */
final class RequestFixtures {

	private RequestFixtures() {
	}

	/**
	 * A CCM State Party only the calling test uses.
	 */
	static void state(Registry registry, String code, String deadline) {
		if (registry.findState(Convention.CCM, code).isEmpty()) {
			registry.createState(new StatePartyInput(Convention.CCM, code, "State " + code,
					LocalDate.parse("2012-01-01"), LocalDate.parse(deadline),
					"focal." + code.toLowerCase() + "@example.org", Language.fr, null, "test"));
		}
	}

	static Map<String, Object> start(String code, String requestedDeadline, String submittedOn) {
		Map<String, Object> input = new HashMap<>();
		input.put("convention", "CCM");
		input.put("stateCode", code);
		input.put("requestedDeadline", requestedDeadline);
		input.put("submittedOn", submittedOn);
		input.put("summary", "Clearance of the remaining contaminated area needs more time.");
		return input;
	}

	static void clock(String dateTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant()));
	}

	static Date at(String date, String time) {
		return Date.from(LocalDateTime.parse(date + "T" + time).atZone(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * Runs the asynchronous continuations (letters, reminders) waiting in the instance,
	 * as the job executor would.
	 */
	static void runAsyncSteps(ManagementService management, ProcessInstance instance) {
		for (int round = 0; round < 20; round++) {
			var jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				management.executeJob(job.getId());
			}
		}
	}

	static Map<String, Object> preliminaryReview(boolean questions) {
		Map<String, Object> v = new HashMap<>();
		v.put("preliminaryFindings", "The work plan is costed; the remaining area is well surveyed.");
		v.put("questionsForState", questions);
		v.put("questions", questions ? "Please detail the national funding for 2027-2029." : "");
		return v;
	}

	static Map<String, Object> finalReview(String recommendation, String recommendedDeadline) {
		Map<String, Object> v = new HashMap<>();
		v.put("analysis", "The request is realistic given the survey and the resources.");
		v.put("draftDecision", "The Meeting grants the request.");
		v.put("recommendation", recommendation);
		v.put("recommendedDeadline", recommendedDeadline);
		return v;
	}

	static Map<String, Object> endorsement(boolean endorsed, String comments) {
		Map<String, Object> v = new HashMap<>();
		v.put("endorsed", endorsed);
		v.put("endorsementComments", comments);
		return v;
	}

	static Map<String, Object> translation(String symbol) {
		Map<String, Object> v = new HashMap<>();
		v.put("documentSymbol", symbol);
		v.put("translationConfirmed", true);
		return v;
	}

	static Map<String, Object> decision(String decision, String newDeadline) {
		Map<String, Object> v = new HashMap<>();
		v.put("decision", decision);
		v.put("newDeadline", newDeadline);
		v.put("decisionDocument", "CCM/MSP/2027/9");
		return v;
	}

	static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> v = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			v.put((String) keyValues[i], keyValues[i + 1]);
		}
		return v;
	}

}
