package org.isu.clearance.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per client: a caller guessing passwords locks only itself
 * out, every lock ends by itself, and an administrator can lift one.
 */
class LoginThrottleTests {

	private static final LoginThrottleProperties SETTINGS = new LoginThrottleProperties(5, 30, Duration.ofMinutes(15),
			Duration.ofMinutes(15));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(SETTINGS, this.clock);

	@Test
	void anAttackerLocksOnlyItselfOutAndTheLockEndsByItself() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.lockedFor("198.51.100.7", "coordinator")).isZero();
			this.throttle.failed("198.51.100.7", "coordinator");
		}
		assertThat(this.throttle.lockedFor("198.51.100.7", "coordinator")).isEqualTo(Duration.ofMinutes(15));
		// the real user, from their own address, signs in as ever
		assertThat(this.throttle.lockedFor("192.0.2.10", "coordinator")).isZero();
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.throttle.lockedFor("198.51.100.7", "coordinator")).isEqualTo(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(this.throttle.lockedFor("198.51.100.7", "coordinator")).isZero();
	}

	@Test
	void sprayingManyNamesLocksTheAddressForEveryName() {
		for (int i = 0; i < 30; i++) {
			this.throttle.failed("198.51.100.8", "user" + i);
		}
		assertThat(this.throttle.lockedFor("198.51.100.8", "someone-else")).isPositive();
		assertThat(this.throttle.locks()).extracting(LoginThrottle.Lock::userId).contains("*");
	}

	@Test
	void failuresOutsideTheWindowDoNotAddUpAndASuccessForgetsThem() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("198.51.100.9", "isu-officer");
		}
		this.clock.advance(Duration.ofMinutes(16));
		this.throttle.failed("198.51.100.9", "isu-officer");
		assertThat(this.throttle.lockedFor("198.51.100.9", "isu-officer")).isZero();
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("198.51.100.9", "isu-officer");
		}
		this.throttle.succeeded("198.51.100.9", "isu-officer");
		this.throttle.failed("198.51.100.9", "isu-officer");
		assertThat(this.throttle.lockedFor("198.51.100.9", "isu-officer")).isZero();
	}

	@Test
	void anAdministratorSeesAndLiftsALock() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("198.51.100.10", "ag-member");
		}
		List<LoginThrottle.Lock> locks = this.throttle.locks();
		assertThat(locks).singleElement().satisfies((lock) -> {
			assertThat(lock.client()).isEqualTo("198.51.100.10");
			assertThat(lock.userId()).isEqualTo("ag-member");
			assertThat(lock.failures()).isEqualTo(5);
		});
		assertThat(this.throttle.lift("198.51.100.10", "ag-member")).isPositive();
		assertThat(this.throttle.lockedFor("198.51.100.10", "ag-member")).isZero();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
