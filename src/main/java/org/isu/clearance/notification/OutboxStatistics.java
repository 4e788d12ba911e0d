package org.isu.clearance.notification;

import java.time.Duration;

/**
 * A snapshot of the outbox for monitoring.
 *
 * @param pending mails not yet delivered (waiting or being sent)
 * @param failed mails given up after the last attempt, or refused at once
 * @param oldestPendingAge how long the oldest undelivered mail has waited; zero when none
 * waits
 */
public record OutboxStatistics(long pending, long failed, Duration oldestPendingAge) {

}
