package org.isu.clearance.startup;

/**
 * A module's work at startup, run once by {@link Startup} at its {@link #step()} in the
 * order of {@link StartupStep}.
 */
public interface StartupTask {

	StartupStep step();

	void run();

}
