package org.isu.clearance;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Several application contexts share one test JVM. Camunda's webapp starter keeps the
 * latest context in a static field ({@code LazyInitRegistration.APPLICATION_CONTEXT}) and
 * clears it only when a context closes; a context whose start failed (as the {@code prod}
 * start refused by {@link PostgresIntegrationTests}) never closes, and every context
 * started after it fails with "has not been refreshed yet". This listener (registered in
 * {@code META-INF/spring.factories} of the tests) clears the field when a start fails.
 */
public class FailedStartCleanup implements ApplicationListener<ApplicationFailedEvent> {

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		Object current = ReflectionTestUtils.getField(LazyInitRegistration.class, "APPLICATION_CONTEXT");
		if (current != null && current == event.getApplicationContext()) {
			ReflectionTestUtils.setField(LazyInitRegistration.class, "APPLICATION_CONTEXT", null);
		}
	}

}
