/**
 * What the application does once it has started, as one ordered list of steps
 * ({@link org.isu.clearance.startup.StartupStep}) that the modules contribute to. Knows
 * nothing of the modules but their steps' names.
 */
package org.isu.clearance.startup;
