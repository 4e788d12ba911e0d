package org.isu.clearance.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A State Party with an obligation to clear contaminated areas under one convention.
 *
 * @param code ISO 3166-1 alpha-3 code
 * @param clearanceDeadline the current deadline, after any extension granted
 * @param extensions the history of extensions, oldest first
 */
public record StateParty(Convention convention, String code, String name, LocalDate entryIntoForce,
		LocalDate clearanceDeadline, String focalPointEmail, Language preferredLanguage, String notes,
		List<Extension> extensions) {

	public String key() {
		return this.convention + "-" + this.code;
	}

	/**
	 * Whether the clearance deadline had passed on a day: no extension moved it beyond.
	 */
	public boolean deadlineExpiredOn(LocalDate day) {
		return this.clearanceDeadline.isBefore(day);
	}

}
