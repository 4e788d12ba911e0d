package org.isu.clearance.schedule;

/**
 * A model started by a timer start event whose cron expression comes from the
 * configuration ({@code ${bean.cron()}} in the model). {@link ScheduledStarts} keeps the
 * engine's timer in step with it.
 */
public interface ScheduledStart {

	/** The process definition key, also the model's file name under {@code bpmn/}. */
	String processKey();

	/** The cron expression the configuration gives now. */
	String cron();

}
