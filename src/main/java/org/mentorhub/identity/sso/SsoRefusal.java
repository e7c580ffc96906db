package org.mentorhub.identity.sso;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider signed the person in, but MentorHub refuses them: what the sign-in page tells them,
 * and what the audit records.
 */
class SsoRefusal extends OAuth2AuthenticationException {

	/** Why; each has the sentence the sign-in page shows. */
	enum Reason {

		NO_VERIFIED_EMAIL("Your organisation's account did not give a verified e-mail address. Ask your administrator."),
		DOMAIN_NOT_ALLOWED("Your e-mail address is not one of the addresses this organisation signs in with."),
		UNKNOWN_ACCOUNT("There is no MentorHub account for your address. Ask your administrator for an invitation."),
		OTHER_INSTITUTION("Your MentorHub account belongs to another organisation: sign in through that one."),
		DISABLED("Your MentorHub account is switched off. Ask your administrator.");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		String message() {
			return this.message;
		}

	}

	private final Reason reason;

	private final long institutionId;

	private final Long accountId;

	SsoRefusal(Reason reason, long institutionId, Long accountId) {
		super(new OAuth2Error("access_denied", reason.message(), null), reason.message());
		this.reason = reason;
		this.institutionId = institutionId;
		this.accountId = accountId;
	}

	Reason reason() {
		return this.reason;
	}

	long institutionId() {
		return this.institutionId;
	}

	Long accountId() {
		return this.accountId;
	}

}
