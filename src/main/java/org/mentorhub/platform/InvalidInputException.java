package org.mentorhub.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown by a service when input breaks a rule that only the service can check (an e-mail that is
 * taken, a department of another institution). Pages show the messages beside the fields; the API
 * answers 400 problem JSON with an {@code errors} list of {@code field} and {@code message}.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST) // pages: the error page for 400; the API maps it itself
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	/** What is wrong, field by field. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** The problems as a list of maps, as the API shows them. */
	public List<Map<String, String>> asMaps() {
		return this.problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
	}

}
