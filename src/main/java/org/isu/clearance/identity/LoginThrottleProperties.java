package org.isu.clearance.identity;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling per client ({@code clearance.security.login}).
 *
 * @param maxFailures wrong passwords one client address may try for one user name before
 * it is locked out for that user
 * @param maxFailuresPerAddress wrong passwords one client address may try over all user
 * names before it is locked out altogether
 * @param lockDuration how long a lock lasts; it ends by itself
 * @param window how long a failure counts
 */
@Validated
@ConfigurationProperties("clearance.security.login")
record LoginThrottleProperties(@Min(1) int maxFailures, @Min(1) int maxFailuresPerAddress,
		@NotNull Duration lockDuration, @NotNull Duration window) {

}
