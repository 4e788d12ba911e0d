package org.isu.clearance.registry;

/**
 * A meeting was registered or its dates, kind or status changed: the target meetings and
 * the dates that follow from them may have moved.
 */
public record MeetingChanged(Convention convention, String code) {

}
