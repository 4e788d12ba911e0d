package org.isu.clearance.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Dashboard settings ({@code clearance.dashboard.*}).
 *
 * @param pageSize rows per page of the request list when the caller does not say
 * @param maxPageSize the most rows a caller may ask for in one page
 * @param exportMaxRows the most open requests the work plan and the calendar feed read
 * (the CSV export streams every matching request, without a cap)
 * @param feedPast how far back the calendar feed reaches (events older are left out)
 * @param feedRefresh how often calendar clients are asked to refresh the feed
 */
@Validated
@ConfigurationProperties("clearance.dashboard")
record DashboardProperties(@Min(1) @Max(1000) int pageSize, @Min(1) @Max(5000) int maxPageSize,
		@Min(1) int exportMaxRows, @NotNull Duration feedPast, @NotNull Duration feedRefresh) {

}
