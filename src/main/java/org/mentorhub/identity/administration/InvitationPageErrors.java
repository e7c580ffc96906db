package org.mentorhub.identity.administration;

import org.mentorhub.identity.IdentityPageErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Answers of the invitation page when a service refuses. */
@ControllerAdvice(assignableTypes = InvitationPageController.class)
class InvitationPageErrors extends IdentityPageErrors {

}
