package org.mentorhub.session;

import java.util.Map;
import java.util.function.Supplier;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

/**
 * What a posted form on a session page came to: done (the key of the "saved" message), or refused
 * with a problem, the fields' errors, the status of the plain page (400 bad input, 409 illegal or
 * stale) and what the person typed, to show again. The plain handler redirects or re-renders the
 * page with that status; its {@code @HxRequest} twin renders the section with 200, because htmx
 * swaps only successful answers.
 */
record PageOutcome(String done, String problem, FieldErrors errors, HttpStatus status, Map<String, ?> typed) {

	/** Nothing posted: the page as it is. */
	static final PageOutcome NONE = new PageOutcome(null, null, FieldErrors.none(), HttpStatus.OK, Map.of());

	/** Runs the action and says what it came to; {@code typed} is shown again when it is refused. */
	static PageOutcome attempt(String done, Map<String, ?> typed, Supplier<?> action) {
		try {
			action.get();
			return new PageOutcome(done, null, FieldErrors.none(), HttpStatus.OK, Map.of());
		}
		catch (InvalidInputException ex) {
			return new PageOutcome(null, ex.getMessage(), FieldErrors.of(ex), HttpStatus.BAD_REQUEST, typed);
		}
		catch (StateTransitionException ex) {
			return new PageOutcome(null, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT, typed);
		}
		catch (OptimisticLockingFailureException ex) {
			return new PageOutcome(null, "stale", FieldErrors.none(), HttpStatus.CONFLICT, typed);
		}
	}

	boolean succeeded() {
		return this.done != null;
	}

}
