package org.isu.clearance.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting on the engine: a signed-in user and their groups.
 *
 * @param userId the user
 * @param groupIds the user's groups
 */
public record Caller(String userId, List<String> groupIds) {

	public Caller {
		groupIds = (groupIds != null) ? List.copyOf(groupIds) : List.of();
	}

	/**
	 * The user the current request handed to the engine, or {@code null} when none (the
	 * application acting as the system).
	 */
	public static Caller current(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return null;
		}
		return new Caller(authentication.getUserId(), authentication.getGroupIds());
	}

	public boolean isAdmin() {
		return this.groupIds.contains(Groups.ADMIN);
	}

	public boolean isIn(String groupId) {
		return this.groupIds.contains(groupId);
	}

}
