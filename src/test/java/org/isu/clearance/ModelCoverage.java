package org.isu.clearance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit side of {@link ProcessTest}: binds camunda-bpm-assert to the application's
 * engine, resets the engine clock after each test and, after the class, asserts the share
 * of the model's flow nodes that the instances started by the class passed through (the
 * coverage report in target/process-test-coverage shows the same per test class, but
 * mixes every model a class touched and instances other classes started in the shared
 * context).
 */
class ModelCoverage implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ModelCoverage.class);

	private static final String EARLIER_INSTANCES = "earlierInstances";

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(EARLIER_INSTANCES, instanceIds(engine(context), processKey(context)));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		BpmnAwareTests.init(engine(context));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ProcessTest test = annotation(context);
		ProcessEngine engine = engine(context);
		Set<?> earlier = context.getStore(NAMESPACE).get(EARLIER_INSTANCES, Set.class);
		ProcessDefinition definition = latest(engine, test.value());
		Set<String> nodes = engine.getRepositoryService()
			.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toSet());
		HistoryService history = engine.getHistoryService();
		Set<String> passed = instanceIds(engine, test.value()).stream()
			.filter((id) -> !earlier.contains(id))
			.flatMap((id) -> history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
			.map(HistoricActivityInstance::getActivityId)
			.filter(nodes::contains)
			.collect(Collectors.toSet());
		assertThat((double) passed.size() / nodes.size()).as("%s: passed %s of %s", test.value(), passed, nodes)
			.isGreaterThanOrEqualTo(test.atLeast());
	}

	private static Set<String> instanceIds(ProcessEngine engine, String processKey) {
		List<HistoricProcessInstance> instances = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.list();
		return instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
	}

	private static ProcessDefinition latest(ProcessEngine engine, String processKey) {
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
	}

	private static ProcessEngine engine(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
	}

	private static String processKey(ExtensionContext context) {
		return annotation(context).value();
	}

	private static ProcessTest annotation(ExtensionContext context) {
		return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessTest.class)
			.orElseThrow(() -> new IllegalStateException("ModelCoverage needs @ProcessTest"));
	}

}
