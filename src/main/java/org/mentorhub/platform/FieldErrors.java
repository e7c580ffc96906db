package org.mentorhub.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems of a submitted form, field by field, for templates: {@code errors.has('code')} and
 * {@code errors.get('code')} show the message beside the field, {@code errors.any()} a summary.
 */
public final class FieldErrors {

	private static final FieldErrors NONE = new FieldErrors(Map.of());

	private final Map<String, String> messages;

	private FieldErrors(Map<String, String> messages) {
		this.messages = messages;
	}

	/** No problems. */
	public static FieldErrors none() {
		return NONE;
	}

	/** The problems of the exception; several messages for one field are joined. */
	public static FieldErrors of(InvalidInputException ex) {
		return of(ex.problems());
	}

	/** These problems; several messages for one field are joined. */
	public static FieldErrors of(java.util.List<InvalidInputException.FieldProblem> problems) {
		Map<String, String> messages = new LinkedHashMap<>();
		problems.forEach(problem -> messages.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
		return new FieldErrors(Collections.unmodifiableMap(messages));
	}

	/** Whether the field has a problem. */
	public boolean has(String field) {
		return this.messages.containsKey(field);
	}

	/** The field's problem, or null. */
	public String get(String field) {
		return this.messages.get(field);
	}

	/** Whether there is any problem. */
	public boolean any() {
		return !this.messages.isEmpty();
	}

	/** Every problem: field to message. */
	public Map<String, String> all() {
		return this.messages;
	}

}
