package org.isu.clearance.registry;

import java.util.List;
import java.util.Map;

/**
 * What the registry's pages show of each State Party's latest extension request. The
 * registry knows nothing of requests; the request module answers this question.
 */
public interface LatestRequests {

	/**
	 * The latest extension request of each of these States Parties that has one, keyed by
	 * {@link StateParty#key()}.
	 */
	Map<String, LatestRequest> of(List<StateParty> states);

	/**
	 * A State Party's latest extension request.
	 *
	 * @param businessKey the request's business key
	 * @param status {@code open}, {@code decided}, {@code withdrawn}, …
	 * @param stages the ids of the steps it stands in while open
	 */
	record LatestRequest(String businessKey, String status, List<String> stages) {

		public boolean isOpen() {
			return "open".equals(this.status);
		}

	}

}
