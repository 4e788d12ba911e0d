package org.isu.clearance.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.isu.clearance.request.ExtensionRequestProcess;
import org.isu.clearance.shared.AsSystem;

import org.springframework.stereotype.Component;

/**
 * The extension request a business key names (its newest process instance, open or ended)
 * and its variables, read from the engine's history as the application: whether a user
 * may see the request is decided by the documents' own access rules.
 */
@Component
class RequestRecords {

	private final HistoryService history;

	private final IdentityService identity;

	RequestRecords(HistoryService history, IdentityService identity) {
		this.history = history;
		this.identity = identity;
	}

	Optional<RequestRecord> find(String businessKey) {
		if (businessKey == null || businessKey.isBlank()) {
			return Optional.empty();
		}
		return AsSystem.call(this.identity, () -> {
			HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(ExtensionRequestProcess.PROCESS_KEY)
				.processInstanceBusinessKey(businessKey)
				.orderByProcessInstanceStartTime()
				.desc()
				.listPage(0, 1)
				.stream()
				.findFirst()
				.orElse(null);
			if (instance == null) {
				return Optional.empty();
			}
			Map<String, Object> variables = new LinkedHashMap<>();
			for (HistoricVariableInstance variable : this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.disableCustomObjectDeserialization()
				.list()) {
				// process-level variables only (a task's local language is not the
				// request's)
				if (instance.getId().equals(variable.getExecutionId())) {
					TypedValue value = variable.getTypedValue();
					variables.put(variable.getName(), (value instanceof SerializableValue serialized)
							? serialized.getValueSerialized() : value.getValue());
				}
			}
			return Optional
				.of(new RequestRecord(businessKey, instance.getId(), instance.getEndTime() == null, variables));
		});
	}

	/**
	 * One request.
	 *
	 * @param open whether its process instance is still running
	 * @param variables its process-level variables, as last written
	 */
	record RequestRecord(String businessKey, String processInstanceId, boolean open, Map<String, Object> variables) {

		String text(String name) {
			Object value = this.variables.get(name);
			return (value != null) ? value.toString() : null;
		}

		String rapporteur() {
			return text(ExtensionRequestProcess.RAPPORTEUR);
		}

	}

}
