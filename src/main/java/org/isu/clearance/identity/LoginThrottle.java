package org.isu.clearance.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins per client instead of per account, on every login path (the
 * application's form and HTTP Basic, {@code /engine-rest}, the Camunda webapps' login):
 * an anonymous caller guessing passwords locks only itself out, never the real user, and
 * every lock ends by itself. After {@code maxFailures} wrong passwords from one address
 * for one user name, or {@code maxFailuresPerAddress} over all names, that address is
 * refused for {@code lockDuration}. The engine's own per-account lock is switched off
 * ({@code login-max-attempts}, {@code login-delay-base} in application.yaml).
 * Administrators list and lift locks through {@link LoginThrottleController}. The counts
 * live in the memory of each node.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final String ANY_USER = "*";

	private final LoginThrottleProperties properties;

	private final Clock clock;

	private final Cache<Key, Failures> failures;

	@Autowired
	LoginThrottle(LoginThrottleProperties properties) {
		this(properties, Clock.systemUTC());
	}

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		Duration keep = properties.window().compareTo(properties.lockDuration()) > 0 ? properties.window()
				: properties.lockDuration();
		this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(keep).build();
	}

	/**
	 * How long this client must still wait before trying this user name again, or
	 * {@link Duration#ZERO}.
	 */
	public Duration lockedFor(String client, String userId) {
		Instant now = this.clock.instant();
		Duration remaining = Duration.ZERO;
		for (Key key : List.of(new Key(client, normalise(userId)), new Key(client, ANY_USER))) {
			Failures entry = this.failures.getIfPresent(key);
			if (entry != null && entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) {
				Duration left = Duration.between(now, entry.lockedUntil());
				remaining = left.compareTo(remaining) > 0 ? left : remaining;
			}
		}
		return remaining;
	}

	public void failed(String client, String userId) {
		Instant now = this.clock.instant();
		count(new Key(client, normalise(userId)), this.properties.maxFailures(), now);
		count(new Key(client, ANY_USER), this.properties.maxFailuresPerAddress(), now);
	}

	public void succeeded(String client, String userId) {
		this.failures.invalidate(new Key(client, normalise(userId)));
	}

	/**
	 * The clients locked out now, for administrators.
	 */
	public List<Lock> locks() {
		Instant now = this.clock.instant();
		List<Lock> locks = new ArrayList<>();
		this.failures.asMap().forEach((key, entry) -> {
			if (entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) {
				locks.add(new Lock(key.client(), key.userId(), entry.count(), entry.lockedUntil()));
			}
		});
		locks.sort(Comparator.comparing(Lock::lockedUntil));
		return locks;
	}

	/**
	 * Lifts the locks of a client, for one user name or ({@code null}) all of them.
	 * @return how many locks were lifted
	 */
	public int lift(String client, String userId) {
		List<Key> keys = new ArrayList<>(this.failures.asMap().keySet());
		int lifted = 0;
		for (Key key : keys) {
			if (key.client().equals(client)
					&& (userId == null || key.userId().equals(normalise(userId)) || key.userId().equals(ANY_USER))) {
				this.failures.invalidate(key);
				lifted++;
			}
		}
		return lifted;
	}

	private void count(Key key, int max, Instant now) {
		Failures updated = this.failures.asMap().compute(key, (k, entry) -> {
			Failures current = (entry == null || entry.firstAt().plus(this.properties.window()).isBefore(now))
					? new Failures(0, now, null) : entry;
			int count = current.count() + 1;
			Instant lockedUntil = (count >= max) ? now.plus(this.properties.lockDuration()) : current.lockedUntil();
			return new Failures(count, current.firstAt(), lockedUntil);
		});
		if (updated.count() == max) {
			log.warn("Login locked for client {} and user {} until {} after {} wrong passwords", key.client(),
					key.userId(), updated.lockedUntil(), updated.count());
		}
	}

	private static String normalise(String userId) {
		return (userId == null) ? "" : userId.strip();
	}

	/**
	 * A locked-out client.
	 *
	 * @param client the client's address
	 * @param userId the user name it tried, or {@code *} for a lock over all names
	 * @param failures the wrong passwords counted
	 * @param lockedUntil when the lock ends by itself
	 */
	public record Lock(String client, String userId, int failures, Instant lockedUntil) {

	}

	private record Key(String client, String userId) {

	}

	private record Failures(int count, Instant firstAt, Instant lockedUntil) {

	}

}
