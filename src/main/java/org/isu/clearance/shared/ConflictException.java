package org.isu.clearance.shared;

/**
 * The request clashes with what exists (a duplicate): answered with 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
