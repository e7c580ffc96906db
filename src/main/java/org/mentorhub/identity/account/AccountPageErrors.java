package org.mentorhub.identity.account;

import org.mentorhub.identity.IdentityPageErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Answers of the account page when a service refuses. */
@ControllerAdvice(assignableTypes = AccountPageController.class)
class AccountPageErrors extends IdentityPageErrors {

}
