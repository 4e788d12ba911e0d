package org.isu.clearance.shared;

/**
 * A user's input is invalid: answered with 400 and a message naming the field.
 */
public class FieldValidationException extends RuntimeException {

	private final String field;

	public FieldValidationException(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	public String reason() {
		String message = getMessage();
		return message.substring(this.field.length() + 2);
	}

}
