/**
 * Types every feature may use: the application's error vocabulary and its mapping to HTTP
 * problem details, and {@link org.isu.clearance.shared.AsSystem} for the engine reads and
 * actions the application makes on its own behalf.
 */
package org.isu.clearance.shared;
