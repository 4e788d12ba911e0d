package org.isu.clearance.shared;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every mistake a caller of the JSON API can make into a 4xx problem detail that
 * names the field at fault. Anything not handled here is a defect of ours and stays a
 * 500.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(FieldValidationException.class)
	ProblemDetail invalidField(FieldValidationException ex) {
		return fieldProblem(ex.field(), ex.reason());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		log.debug("Duplicate key", ex);
		return problem(HttpStatus.CONFLICT, "Conflict", "An entry with the same key already exists.");
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler(TaskAlreadyClaimedException.class)
	ProblemDetail alreadyClaimed(TaskAlreadyClaimedException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	/**
	 * The engine wraps what a delegate or task listener throws; a rejected input inside
	 * is still the caller's mistake.
	 */
	@ExceptionHandler(ProcessEngineException.class)
	ProblemDetail engine(ProcessEngineException ex) throws ProcessEngineException {
		RuntimeException cause = RejectedInput.causeOf(ex);
		if (cause instanceof FieldValidationException invalid) {
			return invalidField(invalid);
		}
		if (cause instanceof ConflictException conflict) {
			return conflict(conflict);
		}
		if (cause instanceof NotFoundException missing) {
			return notFound(missing);
		}
		if (cause instanceof ForbiddenException forbidden) {
			return forbidden(forbidden);
		}
		if (ex instanceof NullValueException || ex instanceof BadUserRequestException) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
		}
		throw ex;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return fieldProblem(ex.getName(), "'" + ex.getValue() + "' is not a valid value");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = errors.stream()
			.map((error) -> error.get("field") + ": " + error.get("message"))
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		body.setProperty("errors", errors);
		if (!errors.isEmpty()) {
			body.setProperty("field", errors.get(0).get("field"));
		}
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return ResponseEntity.badRequest().body(fieldProblem(unknown.getPropertyName(), "is not a known field"));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			String reason = "has a malformed value";
			if (cause instanceof InvalidFormatException invalid) {
				reason = "'" + invalid.getValue() + "' is not a valid " + describe(invalid.getTargetType());
			}
			else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
				reason = "must be a " + describe(mismatched.getTargetType());
			}
			return ResponseEntity.badRequest().body(fieldProblem(field, reason));
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON."));
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type == java.time.LocalDate.class) {
			return "date (yyyy-MM-dd)";
		}
		if (type.isEnum()) {
			return "value (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
		}
		return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
	}

	static ProblemDetail fieldProblem(String field, String reason) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + reason);
		body.setProperty("field", field);
		body.setProperty("errors", List.of(Map.of("field", field, "message", reason)));
		return body;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		return body;
	}

}
