/**
 * Types every feature may use: the application's error vocabulary and its mapping to HTTP
 * problem details, {@link org.isu.clearance.shared.AsSystem} for the engine reads and
 * actions the application makes on its own behalf, the engine's clock
 * ({@link org.isu.clearance.shared.EngineClock}), the lease that lets one node at a time
 * run a cluster-wide job ({@link org.isu.clearance.shared.ClusterLock}), and what every
 * feature's pages share: {@link org.isu.clearance.shared.PageController}, the page
 * language, date formats, the Gantt chart and the OpenAPI description of {@code /api/**}.
 */
package org.isu.clearance.shared;
