package org.isu.clearance.outreach;

import java.util.Optional;

import org.isu.clearance.calendar.DeadlineCalendar;
import org.isu.clearance.registry.DeadlineWatchPlans;
import org.isu.clearance.registry.Registry;
import org.isu.clearance.registry.StateParty;

import org.springframework.stereotype.Component;

/**
 * The registry page's question about a State's deadline watch, answered by the calendar
 * from the registered meetings.
 */
@Component
class StateWatchPlans implements DeadlineWatchPlans {

	private final DeadlineCalendar calendar;

	private final Registry registry;

	StateWatchPlans(DeadlineCalendar calendar, Registry registry) {
		this.calendar = calendar;
		this.registry = registry;
	}

	@Override
	public Optional<WatchPlan> plan(StateParty state) {
		return this.calendar
			.plan(state.convention(), state.clearanceDeadline(), this.registry.meetings(state.convention()))
			.map((plan) -> new WatchPlan(plan.deadlineWatch(), plan.meeting().code(), plan.submissionDue()));
	}

}
