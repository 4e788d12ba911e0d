package org.isu.clearance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * One module started on its own (or with the modules it declares it needs), beside the
 * whole-application tests: it proves the module's beans need nothing from the modules
 * above it. Its engine gets a name of its own, as in every extra test context, and
 * deploys no models unless the test names its own
 * ({@code camunda.bpm.deployment-resource-pattern}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
		// the models' expressions name beans of the modules above (request, workplan,
		// schedule)
		"camunda.bpm.auto-deployment-enabled=false",
		// the job executor's health indicator belongs to the operations module
		"management.endpoint.health.group.readiness.include=readinessState,db" })
public @interface ModuleTest {

	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
	BootstrapMode mode() default BootstrapMode.STANDALONE;

	/**
	 * Further modules to start beside the module under test (and their dependencies, as
	 * {@link #mode()} says).
	 */
	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
	String[] extraIncludes() default {};

	/**
	 * The Spring Boot auto-configurations of the process engine, its web apps and REST
	 * API, for a module that runs without an engine.
	 */
	String WITHOUT_ENGINE = "spring.autoconfigure.exclude="
			+ "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration,"
			+ "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
			+ "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

	/**
	 * Readiness without the engine's job executor, for a module that runs without one.
	 */
	String READY_WITHOUT_ENGINE = "management.endpoint.health.group.readiness.include=readinessState,db";

}
