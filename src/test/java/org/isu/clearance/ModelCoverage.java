package org.isu.clearance;

import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share of a model's flow nodes that the instances started since a moment passed
 * through: every process test class asserts at least 90 % of its own model (the coverage
 * report in target/process-test-coverage shows the same per test class, but mixes every
 * model a class touched).
 */
public final class ModelCoverage {

	private ModelCoverage() {
	}

	public static void assertCovered(ProcessEngine engine, String processKey, Date since, double atLeast) {
		ProcessDefinition definition = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		Set<String> nodes = engine.getRepositoryService()
			.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toSet());
		Set<String> passed = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionId(definition.getId())
			.startedAfter(since)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.flatMap((id) -> engine.getHistoryService()
				.createHistoricActivityInstanceQuery()
				.processInstanceId(id)
				.list()
				.stream())
			.map(HistoricActivityInstance::getActivityId)
			.filter(nodes::contains)
			.collect(Collectors.toSet());
		assertThat((double) passed.size() / nodes.size()).as("%s: passed %s of %s", processKey, passed, nodes)
			.isGreaterThanOrEqualTo(atLeast);
	}

}
