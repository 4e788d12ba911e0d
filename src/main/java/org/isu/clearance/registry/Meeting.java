package org.isu.clearance.registry;

import java.time.LocalDate;

/**
 * A meeting of a convention, such as the Thirteenth Meeting of States Parties of the CCM
 * ({@code CCM 13MSP}).
 *
 * @param provisional the dates are not yet fixed
 */
public record Meeting(Convention convention, String code, MeetingKind kind, LocalDate firstDay, LocalDate lastDay,
		String venue, boolean provisional) {

	public String key() {
		return this.convention + "-" + this.code;
	}

}
