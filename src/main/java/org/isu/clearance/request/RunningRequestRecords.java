package org.isu.clearance.request;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.isu.clearance.registry.Convention;
import org.isu.clearance.review.ReviewBodies;
import org.isu.clearance.shared.AsSystem;
import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static org.isu.clearance.request.ExtensionRequestProcess.COMPLETENESS_CHECKLIST;
import static org.isu.clearance.request.ExtensionRequestProcess.CONVENTION;
import static org.isu.clearance.request.ExtensionRequestProcess.PROCESS_KEY;
import static org.isu.clearance.request.ExtensionRequestProcess.REVIEW_BODY;

/**
 * Requests started before a version that records more about them get it once, at
 * start-up: version 1 of the State's request (as the instance now holds it) and the
 * engine-set variables the forms show (the reviewing body's name, the intake checklist).
 * Idempotent.
 */
@Component
class RunningRequestRecords implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(RunningRequestRecords.class);

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final RequestVersions versions;

	private final ReviewBodies reviewBodies;

	private final RequestSteps steps;

	private final EngineTables engineTables;

	RunningRequestRecords(RuntimeService runtime, IdentityService identity, RequestVersions versions,
			ReviewBodies reviewBodies, RequestSteps steps, EngineTables engineTables) {
		this.runtime = runtime;
		this.identity = identity;
		this.versions = versions;
		this.reviewBodies = reviewBodies;
		this.steps = steps;
		this.engineTables = engineTables;
	}

	@Override
	public StartupStep step() {
		return StartupStep.RUNNING_INSTANCES;
	}

	@Override
	public void run() {
		// a request started by this version has all of it from its start (the reviewing
		// body's name and version 1 are written together): one query finds the others,
		// which are then read one by one
		int completed = AsSystem.call(this.identity, () -> {
			int count = 0;
			for (Map.Entry<String, String> instance : this.engineTables
				.runningInstancesWithoutVariable(PROCESS_KEY, REVIEW_BODY)
				.entrySet()) {
				if (complete(instance.getKey(), instance.getValue())) {
					count++;
				}
			}
			return count;
		});
		if (completed > 0) {
			log.info("Recorded what this version keeps about {} running extension request(s)", completed);
		}
	}

	private boolean complete(String instanceId, String businessKey) {
		VariableMap variables = this.runtime.getVariablesTyped(instanceId, false);
		Object convention = variables.get(CONVENTION);
		if (convention == null || businessKey == null) {
			// still starting: its own start records all of it
			return false;
		}
		boolean changed = false;
		if (variables.get(REVIEW_BODY) == null || variables.get(COMPLETENESS_CHECKLIST) == null) {
			Convention c = Convention.valueOf(convention.toString());
			this.runtime.setVariables(instanceId, Map.of(REVIEW_BODY, this.reviewBodies.name(c, "en"),
					COMPLETENESS_CHECKLIST, this.steps.checklist(c)));
			changed = true;
		}
		if (this.versions.list(businessKey).isEmpty()) {
			this.versions.recordFirst(instanceId, businessKey, variables, null);
			changed = true;
		}
		return changed;
	}

}
