package org.isu.clearance.request;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
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

	/** Part of the type name of the JDK's immutable lists ({@code List.of}). */
	private static final String IMMUTABLE = "ImmutableCollections";

	private final RuntimeService runtime;

	private final ObjectMapper json;

	private final EngineTables engineTables;

	LanguagesVariableUpgrade(RuntimeService runtime, ObjectMapper json, EngineTables engineTables) {
		this.runtime = runtime;
		this.json = json;
		this.engineTables = engineTables;
	}

	@Override
	public StartupStep step() {
		return StartupStep.RUNNING_INSTANCES;
	}

	@Override
	public void run() {
		// one query finds the executions whose variable names the immutable list's type;
		// only those are read, not every running request's variable
		int rewritten = 0;
		for (String execution : this.engineTables.executionsWithObjectVariable(ExtensionRequestProcess.LANGUAGES,
				IMMUTABLE)) {
			if (this.runtime.getVariableLocalTyped(execution, ExtensionRequestProcess.LANGUAGES,
					false) instanceof ObjectValue value && value.getObjectTypeName() != null
					&& value.getObjectTypeName().contains(IMMUTABLE)) {
				List<String> codes;
				try {
					codes = this.json.readValue(value.getValueSerialized(), new TypeReference<List<String>>() {
					});
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
					throw new IllegalStateException("Unreadable 'languages' of execution " + execution, ex);
				}
				this.runtime.setVariableLocal(execution, ExtensionRequestProcess.LANGUAGES, new ArrayList<>(codes));
				rewritten++;
			}
		}
		if (rewritten > 0) {
			log.info("Rewrote {} '{}' variables as plain lists", rewritten, ExtensionRequestProcess.LANGUAGES);
		}
	}

}
