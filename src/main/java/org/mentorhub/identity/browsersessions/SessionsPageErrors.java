package org.mentorhub.identity.browsersessions;

import java.util.Map;

import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers of the sessions page when a service refuses, as for the other account pages
 * ({@code identity.AccountPageErrors}): the 404 page, or a 409 page with the service's message.
 */
@ControllerAdvice(assignableTypes = SessionsPageController.class)
class SessionsPageErrors {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("error/404", Map.of("status", 404, "reason", "Not Found"), HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(StateTransitionException.class)
	ModelAndView conflict(StateTransitionException ex) {
		return new ModelAndView("identity/account/conflict", Map.of("message", ex.getMessage()), HttpStatus.CONFLICT);
	}

}
