package org.isu.clearance.shared;

/**
 * Remembers, for the current request thread, the input error that made the process engine
 * fail. The engine wraps every exception of a task listener or delegate, so its REST
 * layers answer 500; {@link RejectedInputFilter} turns such an answer back into the 4xx
 * it is.
 */
public final class RejectedInput {

	private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

	private RejectedInput() {
	}

	/**
	 * Records the error and returns it, for {@code throw RejectedInput.remember(...)}.
	 */
	public static <E extends RuntimeException> E remember(E error) {
		LAST.set(error);
		return error;
	}

	static RuntimeException last() {
		return LAST.get();
	}

	static void clear() {
		LAST.remove();
	}

	/**
	 * The application's own input error behind an engine exception, if there is one.
	 */
	public static RuntimeException causeOf(Throwable error) {
		Throwable cause = error;
		int depth = 0;
		while (cause != null && depth++ < 20) {
			if (cause instanceof FieldValidationException || cause instanceof ConflictException
					|| cause instanceof NotFoundException || cause instanceof ForbiddenException) {
				return (RuntimeException) cause;
			}
			cause = cause.getCause();
		}
		return null;
	}

}
