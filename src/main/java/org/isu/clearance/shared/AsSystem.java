package org.isu.clearance.shared;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs a read or a system action on the engine without the current user's authorizations
 * (the engine checks them for the user a web request set), inside an engine command (a
 * delegate, a listener) as well as outside one, and puts the user back afterwards. For
 * what the application itself decides to show or do, never for what a user asked the
 * engine directly.
 */
public final class AsSystem {

	private AsSystem() {
	}

	public static <T> T call(IdentityService identity, Supplier<T> action) {
		CommandContext command = Context.getCommandContext();
		if (command != null) {
			return command.runWithoutAuthorization(action::get);
		}
		Authentication user = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (user != null) {
				identity.setAuthentication(user);
			}
		}
	}

}
