package org.isu.clearance.registry;

/**
 * What a meeting is: only meetings of States Parties and review conferences decide on
 * extension requests.
 */
public enum MeetingKind {

	MSP, RC, INTERSESSIONAL;

	public boolean decidesExtensions() {
		return this != INTERSESSIONAL;
	}

}
