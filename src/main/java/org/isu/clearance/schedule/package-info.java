/**
 * Processes that start on a configured schedule (a timer start event whose cron
 * expression comes from the configuration): the
 * {@link org.isu.clearance.schedule.ScheduledStart} contract the modules implement, and
 * the startup step that keeps the engine's start timers in step with the configuration.
 */
package org.isu.clearance.schedule;
