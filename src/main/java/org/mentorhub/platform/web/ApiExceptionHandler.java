package org.mentorhub.platform.web;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns exceptions from {@code /api/v1} controllers into RFC 9457 problem JSON with a clear,
 * generic message: validation errors list the fields, conflicts say what is wrong, and an
 * unexpected failure says only that something went wrong (the details go to the log).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setTitle("Invalid request");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message",
					error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** A body cut off at its limit by {@link RequestBodyLimitFilter} is too large, not malformed. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
						"The request body is too large: at most " + tooLarge.limit() / 1024 + " KB here.");
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
					.body(problem);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.asMaps());
		return problem;
	}

	@ExceptionHandler(StateTransitionException.class)
	ProblemDetail conflict(StateTransitionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not allowed in the current state");
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleEdit(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this record after you loaded it. Reload it and try again.");
		problem.setTitle("Edit conflict");
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, genericDetail(HttpStatus.FORBIDDEN));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, tooManyRequestsDetail(ex));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

	static String tooManyRequestsDetail(TooManyRequestsException ex) {
		return "You have done this too often. Try again in " + ex.retryAfterSeconds() + " seconds.";
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseUnavailableFilter.unreachable(ex)) {
			// QUALITY R1: the database went away during the call, as DatabaseUnavailableFilter answers before it.
			log.warn("Database unreachable during an API call: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailableFilter.DETAIL));
		}
		log.error("Unexpected error in an API call", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					genericDetail(HttpStatus.INTERNAL_SERVER_ERROR)));
	}

	static String genericDetail(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "Sign in, or send a valid access token.";
			case FORBIDDEN -> "You may not do this.";
			case NOT_FOUND -> "There is nothing here.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case TOO_MANY_REQUESTS -> "You have done this too often. Try again later.";
			default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again later."
					: status.getReasonPhrase();
		};
	}

}
