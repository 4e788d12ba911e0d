package org.isu.clearance.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the registry's pages show of a State Party's deadline watch: from when an
 * extension is likely and towards which meeting. The registry knows nothing of the
 * calendar's rules; the outreach module, which runs the watches, answers.
 */
public interface DeadlineWatchPlans {

	/**
	 * The watch the State's deadline calls for, or none when no meeting opens before it.
	 */
	Optional<WatchPlan> plan(StateParty state);

	/**
	 * @param deadlineWatch from when an extension is likely (the calendar's M − 18
	 * months)
	 * @param targetMeeting the meeting that would decide a request
	 * @param submissionDue when the request is due
	 */
	record WatchPlan(LocalDate deadlineWatch, String targetMeeting, LocalDate submissionDue) {

	}

}
