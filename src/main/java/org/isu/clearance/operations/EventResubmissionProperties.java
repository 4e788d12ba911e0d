package org.isu.clearance.operations;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When failed module events are handed to their listener again
 * ({@code clearance.operations.event-resubmission.*}).
 *
 * @param interval time between two rounds (each node tries; one at a time runs)
 * @param olderThan only events published at least this long ago: a younger one may still
 * be in its listener's hands
 * @param lockLease how long a node that died during a round keeps the others out
 */
@Validated
@ConfigurationProperties("clearance.operations.event-resubmission")
record EventResubmissionProperties(@NotNull Duration interval, @NotNull Duration olderThan,
		@NotNull Duration lockLease) {

}
