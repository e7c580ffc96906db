package org.mentorhub.identity.browsersessions;

import org.mentorhub.identity.IdentityPageErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Answers of the sessions page when a service refuses, as for the other account pages. */
@ControllerAdvice(assignableTypes = SessionsPageController.class)
class SessionsPageErrors extends IdentityPageErrors {

}
