package org.isu.clearance.shared;

/**
 * The signed-in user may not do this: answered with 403 and the reason. Nothing was
 * written.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
