package org.isu.clearance.request;

import java.util.Map;
import java.util.stream.Collectors;

import org.isu.clearance.registry.LatestRequests;
import org.isu.clearance.request.RequestSummary.StageView;

import org.springframework.stereotype.Component;

/**
 * The registry's question about each State's latest request, answered from the read model
 * in one query.
 */
@Component
class LatestRequestsOfStates implements LatestRequests {

	private final RequestReadModel readModel;

	LatestRequestsOfStates(RequestReadModel readModel) {
		this.readModel = readModel;
	}

	@Override
	public Map<String, LatestRequest> perState() {
		return this.readModel.latestPerState()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> latest(entry.getValue())));
	}

	private static LatestRequest latest(RequestSummary request) {
		return new LatestRequest(request.businessKey(), request.status(),
				request.stages().stream().map(StageView::activityId).toList());
	}

}
