package org.isu.clearance.identity;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Too many wrong passwords from this client: answered with 429 and {@code Retry-After}.
 */
class LoginThrottledException extends LockedException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins from this address: try again in " + Math.max(1, retryAfter.toSeconds())
				+ " seconds");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
