package org.isu.clearance.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the request list and its API (the CSV export streams every matching
 * request, without a cap) ({@code clearance.requests.list.*}).
 *
 * @param pageSize rows per page of the request list when the caller does not say
 * @param maxPageSize the most rows a caller may ask for in one page
 * @param concurrentExports how many CSV exports may stream at once (each holds a database
 * connection while its client reads)
 */
@Validated
@ConfigurationProperties("clearance.requests.list")
record RequestListProperties(@Min(1) @Max(1000) int pageSize, @Min(1) @Max(5000) int maxPageSize,
		@Min(1) @Max(10) int concurrentExports) {

}
