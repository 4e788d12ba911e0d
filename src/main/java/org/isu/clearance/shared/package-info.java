/**
 * Types every feature may use: the application's error vocabulary and its mapping to HTTP
 * problem details.
 */
package org.isu.clearance.shared;
