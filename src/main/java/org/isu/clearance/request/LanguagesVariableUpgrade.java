package org.isu.clearance.request;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.isu.clearance.startup.StartupStep;
import org.isu.clearance.startup.StartupTask;

import org.springframework.stereotype.Component;

/**
 * Requests started before deserialization was restricted to the engine's basic types hold
 * their {@code languages} as an immutable JDK list, which the engine now refuses to read:
 * they are rewritten once, at start-up, as the plain list new requests carry.
 */
@Component
class LanguagesVariableUpgrade implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(LanguagesVariableUpgrade.class);

	private final RuntimeService runtime;

	private final ObjectMapper json;

	LanguagesVariableUpgrade(RuntimeService runtime, ObjectMapper json) {
		this.runtime = runtime;
		this.json = json;
	}

	@Override
	public StartupStep step() {
		return StartupStep.RUNNING_INSTANCES;
	}

	@Override
	public void run() {
		List<VariableInstance> old = this.runtime.createVariableInstanceQuery()
			.variableName(ExtensionRequestProcess.LANGUAGES)
			.disableCustomObjectDeserialization()
			.list();
		int rewritten = 0;
		for (VariableInstance variable : old) {
			if (variable.getTypedValue() instanceof ObjectValue value && value.getObjectTypeName() != null
					&& value.getObjectTypeName().contains("ImmutableCollections")) {
				List<String> codes;
				try {
					codes = this.json.readValue(value.getValueSerialized(), new TypeReference<List<String>>() {
					});
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
					throw new IllegalStateException("Unreadable 'languages' of execution " + variable.getExecutionId(),
							ex);
				}
				this.runtime.setVariableLocal(variable.getExecutionId(), ExtensionRequestProcess.LANGUAGES,
						new ArrayList<>(codes));
				rewritten++;
			}
		}
		if (rewritten > 0) {
			log.info("Rewrote {} '{}' variables as plain lists", rewritten, ExtensionRequestProcess.LANGUAGES);
		}
	}

}
