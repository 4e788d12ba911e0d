package org.isu.clearance;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;

/**
 * Camunda's webapp filters find their application context through a static field, which
 * is cleared when that context closes. A context whose refresh failed is never closed, so
 * a test that makes a start fail on purpose must clear it.
 */
public final class CamundaWebappFilters extends LazyInitRegistration {

	private CamundaWebappFilters() {
	}

	public static void forgetFailedContext() {
		APPLICATION_CONTEXT = null;
	}

}
