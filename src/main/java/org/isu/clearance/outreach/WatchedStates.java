package org.isu.clearance.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.isu.clearance.shared.AsSystem;

import org.springframework.stereotype.Component;

/**
 * The running deadline watches, as the coordinators' digest and work plan list them:
 * which States are due to be contacted, or to submit their request, in a period.
 */
@Component
public class WatchedStates {

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final IdentityService identity;

	WatchedStates(RuntimeService runtime, RepositoryService repository, IdentityService identity) {
		this.runtime = runtime;
		this.repository = repository;
		this.identity = identity;
	}

	/**
	 * The watched States whose contact or submission date falls between two days
	 * (inclusive), by the watch's business key.
	 */
	public List<WatchLine> between(LocalDate from, LocalDate to) {
		return AsSystem.call(this.identity, () -> {
			// by the id of each version of the model: the engine's query by key joins
			// every
			// running instance of every process (the requests too) to find the few
			// watches
			List<ProcessInstance> watches = new ArrayList<>();
			for (ProcessDefinition version : this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(DeadlineWatchProcess.PROCESS_KEY)
				.list()) {
				watches.addAll(this.runtime.createProcessInstanceQuery().processDefinitionId(version.getId()).list());
			}
			watches.sort(Comparator.comparing(ProcessInstance::getBusinessKey,
					Comparator.nullsLast(Comparator.naturalOrder())));
			Map<String, String> businessKeys = new LinkedHashMap<>();
			watches.forEach((watch) -> businessKeys.put(watch.getId(), watch.getBusinessKey()));
			if (businessKeys.isEmpty()) {
				return List.of();
			}
			Map<String, Map<String, Object>> variables = new HashMap<>();
			this.runtime.createVariableInstanceQuery()
				.processInstanceIdIn(businessKeys.keySet().toArray(String[]::new))
				.variableNameIn(DeadlineWatchProcess.CONTACT_ON, DeadlineWatchProcess.SUBMISSION_DUE,
						DeadlineWatchProcess.STATE_NAME, DeadlineWatchProcess.CONVENTION,
						DeadlineWatchProcess.MEETING_CODE)
				.disableCustomObjectDeserialization()
				.list()
				.forEach((variable) -> variables
					.computeIfAbsent(variable.getProcessInstanceId(), (id) -> new HashMap<>())
					.put(variable.getName(), variable.getValue()));
			List<WatchLine> lines = new ArrayList<>();
			for (String id : businessKeys.keySet()) {
				Map<String, Object> v = variables.getOrDefault(id, Map.of());
				if (!(v.get(DeadlineWatchProcess.CONTACT_ON) instanceof String contactOn)
						|| !(v.get(DeadlineWatchProcess.SUBMISSION_DUE) instanceof String submissionDue)) {
					continue;
				}
				if (within(LocalDate.parse(contactOn), from, to) || within(LocalDate.parse(submissionDue), from, to)) {
					lines.add(new WatchLine(String.valueOf(v.get(DeadlineWatchProcess.STATE_NAME)),
							String.valueOf(v.get(DeadlineWatchProcess.CONVENTION)),
							String.valueOf(v.get(DeadlineWatchProcess.MEETING_CODE)), contactOn, submissionDue));
				}
			}
			return lines;
		});
	}

	private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	/**
	 * A watched State whose outreach or submission date falls in the period.
	 */
	public record WatchLine(String stateName, String convention, String meetingCode, String contactOn,
			String submissionDue) {

	}

}
