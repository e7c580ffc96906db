package org.mentorhub.identity.signin;

import org.mentorhub.identity.IdentityPageErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Answers of the registration, password-reset and activation pages when a service refuses. */
@ControllerAdvice(assignableTypes = { RegistrationPageController.class, PasswordResetPageController.class,
		ActivationPageController.class })
class SignInPageErrors extends IdentityPageErrors {

}
