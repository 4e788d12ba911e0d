package org.isu.clearance.feed;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Calendar feed settings ({@code clearance.feed.*}).
 *
 * @param past how far back the feed reaches (events older are left out)
 * @param refresh how often calendar clients are asked to refresh the feed
 */
@Validated
@ConfigurationProperties("clearance.feed")
record FeedProperties(@NotNull Duration past, @NotNull Duration refresh) {

}
