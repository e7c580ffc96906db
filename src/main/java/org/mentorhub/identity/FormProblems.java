package org.mentorhub.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The problems of a submitted account form, by field, as the form templates show them beside each
 * field (model attributes {@code errors}, a {@link FieldErrors} for fragments/forms.html, and
 * {@code problems}: field name → messages). A form with problems answers
 * 400 and keeps what was typed, except passwords.
 */
public final class FormProblems {

	private FormProblems() {
	}

	/** The view again, with status 400 and the problems beside their fields. */
	public static ModelAndView refused(ModelAndView view, List<FieldProblem> problems) {
		Map<String, List<String>> byField = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			byField.computeIfAbsent(problem.field(), field -> new ArrayList<>()).add(problem.message());
		}
		view.addObject("problems", byField);
		// The shared form fragments (fragments/forms.html) read the same problems as "errors".
		view.addObject("errors", FieldErrors.of(problems));
		view.setStatus(HttpStatus.BAD_REQUEST);
		return view;
	}

	/** The view again, with status 400 and the exception's problems beside their fields. */
	public static ModelAndView refused(ModelAndView view, InvalidInputException ex) {
		return refused(view, ex.problems());
	}

	/** A problem when the repeated password differs from the first. */
	public static List<FieldProblem> confirmation(String field, String password, String confirmation) {
		return password != null && password.equals(confirmation) ? List.of()
				: List.of(new FieldProblem(field + "Confirmation", "The two passwords are not the same."));
	}

	/** Whether the problems concern the link's token rather than what was typed. */
	public static boolean aboutTheLink(InvalidInputException ex) {
		return ex.problems().stream().anyMatch(problem -> problem.field().equals("token"));
	}

}
