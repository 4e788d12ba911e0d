package org.isu.clearance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * A test class of one BPMN model on the whole application: camunda-bpm-assert bound to
 * the engine before each test, the engine clock reset after each, the coverage report
 * written to target/process-test-coverage, and at least {@link #atLeast()} of the model's
 * flow nodes passed by the instances the class started, asserted after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest
@Import(ProcessEngineCoverageConfiguration.class)
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(ModelCoverage.class)
public @interface ProcessTest {

	/**
	 * The key of the process under test.
	 */
	String value();

	/**
	 * The share of the model's flow nodes the class must pass through.
	 */
	double atLeast() default 0.9;

}
