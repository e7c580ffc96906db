package org.mentorhub.identity.signin;

import org.springframework.security.core.AuthenticationException;

/**
 * A right password of a person whose institution signs in only through its identity provider: the
 * sign-in page says so and offers the provider's button. It is thrown only after the password was
 * checked, so it tells nothing to someone who does not know it.
 */
class SingleSignOnRequiredException extends AuthenticationException {

	private final String providerName;

	SingleSignOnRequiredException(String providerName) {
		super("Your organisation signs in with " + providerName + ": use the button below.");
		this.providerName = providerName;
	}

	String providerName() {
		return this.providerName;
	}

}
