package org.isu.clearance.identity;

import org.springframework.core.Ordered;

/**
 * A process variable shown as a column of the shared Tasklist filters. The features whose
 * processes carry the variable declare their columns as beans; the filters show them in
 * {@link #getOrder() order}.
 *
 * @param variable the process variable's name
 * @param label the column's heading
 * @param order the column's place, lowest first
 */
public record TasklistColumn(String variable, String label, int order) implements Ordered {

	@Override
	public int getOrder() {
		return this.order;
	}

}
