package org.isu.clearance.notification;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is delivered ({@code clearance.notification.delivery.*}); delivery runs
 * only when {@code spring.mail.host} is set.
 *
 * @param scheduled whether this node polls the outbox (off in tests that drive the sender
 * themselves)
 * @param pollInterval how long an idle sender waits before it looks for due mails again,
 * unless a mail written on this node wakes it earlier
 * @param batchSize how many rows one sender claims at a time (then sends them one by one)
 * @param senders how many senders work in parallel on this node
 * @param maxAttempts attempts before a row ends as {@code failed}
 * @param initialBackoff the wait after the first failed attempt
 * @param backoffMultiplier the factor the wait grows by after each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a claimed row stays reserved for its sender; a row still
 * claimed after that (its node died) is taken up again
 * @param outageBackoff the longest wait between two attempts while the mail server cannot
 * be reached at all, so that a long outage is followed by delivery within this time of
 * the server's return
 */
@Validated
@ConfigurationProperties("clearance.notification.delivery")
record DeliveryProperties(@DefaultValue("true") boolean scheduled, @DefaultValue("PT1S") @NotNull Duration pollInterval,
		@DefaultValue("20") @Min(1) int batchSize, @DefaultValue("4") @Min(1) int senders,
		@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("PT30S") @NotNull Duration initialBackoff,
		@DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
		@DefaultValue("PT1H") @NotNull Duration maxBackoff, @DefaultValue("PT5M") @NotNull Duration claimTimeout,
		@DefaultValue("PT1M") @NotNull Duration outageBackoff) {

	/**
	 * The wait before the next attempt, after {@code attempts} failed ones.
	 */
	Duration backoffAfter(int attempts) {
		double factor = Math.pow(this.backoffMultiplier, Math.max(0, attempts - 1));
		double millis = this.initialBackoff.toMillis() * factor;
		return (millis >= this.maxBackoff.toMillis()) ? this.maxBackoff : Duration.ofMillis((long) millis);
	}

	/**
	 * The wait before the next attempt when the mail server could not be reached, after
	 * {@code attempts} attempts.
	 */
	Duration outageBackoffAfter(int attempts) {
		Duration backoff = backoffAfter(attempts);
		return (backoff.compareTo(this.outageBackoff) > 0) ? this.outageBackoff : backoff;
	}

}
