package org.isu.clearance.request;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.isu.clearance.registry.LatestRequests;
import org.isu.clearance.registry.StateParty;
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
	public Map<String, LatestRequest> of(List<StateParty> states) {
		return this.readModel.latestPerState(states.stream().map(StateParty::code).toList())
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> latest(entry.getValue())));
	}

	private static LatestRequest latest(RequestSummary request) {
		return new LatestRequest(request.businessKey(), request.status(),
				request.stages().stream().map(StageView::activityId).toList());
	}

}
