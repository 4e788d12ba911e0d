package org.isu.clearance.request;

import java.time.LocalTime;
import java.time.Period;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the extension-request process ({@code clearance.requests.*}).
 *
 * @param dueTime the time of day a task falls due on its due date (JVM time zone)
 * @param dueSoonLead how long before a task's due date its "due soon" reminder goes out
 * @param overdueInterval how often an overdue task is reminded after its due date
 * @param minimumTaskPeriod the least time a task gets, when its calendar date has already
 * passed at creation (late requests)
 */
@Validated
@ConfigurationProperties("clearance.requests")
record RequestProperties(@NotNull LocalTime dueTime, @NotNull Period dueSoonLead, @NotNull Period overdueInterval,
		@NotNull Period minimumTaskPeriod) {

}
