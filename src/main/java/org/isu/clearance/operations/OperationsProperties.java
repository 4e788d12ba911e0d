package org.isu.clearance.operations;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Operations settings ({@code clearance.operations.*}).
 *
 * @param userCommandAttempts how often a user's task completion is tried when it collides
 * with a job (a reminder timer firing) or another node on the same process instance
 */
@Validated
@ConfigurationProperties("clearance.operations")
record OperationsProperties(@Min(1) int userCommandAttempts) {

}
