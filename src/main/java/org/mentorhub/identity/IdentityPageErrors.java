package org.mentorhub.identity;

import java.util.Map;

import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers of identity's account pages when a service refuses: not found (also for what is not the
 * caller's) is the 404 page, a change the current state does not allow is a 409 page with the
 * service's message, which is written for people. Each feature sub-package names its page
 * controllers in a {@code @ControllerAdvice(assignableTypes = ...)} subclass, since its controllers
 * are package-private.
 */
public abstract class IdentityPageErrors {

	@ExceptionHandler(NotFoundException.class)
	protected ModelAndView notFound() {
		return new ModelAndView("error/404", Map.of("status", 404, "reason", "Not Found"), HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(StateTransitionException.class)
	protected ModelAndView conflict(StateTransitionException ex) {
		return new ModelAndView("identity/account/conflict", Map.of("message", ex.getMessage()), HttpStatus.CONFLICT);
	}

}
