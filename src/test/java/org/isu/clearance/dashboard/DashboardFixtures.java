package org.isu.clearance.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.registry.Language;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StatePartyInput;
import org.isu.clearance.request.ExtensionRequests;

/**
 * Requests of States only the dashboard tests use, driven through the real process.
 */
final class DashboardFixtures {

	private DashboardFixtures() {
	}

	static void state(Registry registry, String code, String deadline) {
		if (registry.findState(Convention.CCM, code).isEmpty()) {
			registry.createState(new StatePartyInput(Convention.CCM, code, "State " + code,
					LocalDate.parse("2012-01-01"), LocalDate.parse(deadline),
					"focal." + code.toLowerCase() + "@example.org", Language.fr, null, "test"));
		}
	}

	static String start(ExtensionRequests requests, ManagementService management, String code, String requestedDeadline,
			String submittedOn) {
		Map<String, Object> input = new HashMap<>();
		input.put("convention", "CCM");
		input.put("stateCode", code);
		input.put("requestedDeadline", requestedDeadline);
		input.put("submittedOn", submittedOn);
		input.put("summary", "Clearance of the remaining contaminated area of " + code + " needs more time.");
		ExtensionRequests.StartedRequest started = requests.start(input);
		runAsyncSteps(management, started.processInstanceId());
		return started.businessKey();
	}

	static void runAsyncSteps(ManagementService management, String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			var jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				management.executeJob(job.getId());
			}
		}
	}

	static void complete(TaskService tasks, ManagementService management, String processInstanceId, String taskKey,
			String user, Object... keyValues) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.list()
			.get(0);
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), user);
		}
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		tasks.complete(task.getId(), variables);
		runAsyncSteps(management, processInstanceId);
	}

}
