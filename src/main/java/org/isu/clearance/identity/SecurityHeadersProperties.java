package org.isu.clearance.identity;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Security headers of the application's own pages and API
 * ({@code clearance.security.headers.*}); Tasklist, Cockpit and Admin set theirs through
 * {@code camunda.bpm.webapp.header-security.*}.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header
 * @param hstsMaxAge how long browsers keep to HTTPS once they saw the application over it
 * (sent on HTTPS requests only, {@code server.forward-headers-strategy} behind a proxy)
 */
@Validated
@ConfigurationProperties("clearance.security.headers")
record SecurityHeadersProperties(@NotBlank String contentSecurityPolicy, @NotNull Duration hstsMaxAge) {

}
