package org.mentorhub.identity.sso;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One institution's single sign-on settings as stored (the client secret sealed, never plain).
 * {@code passwordSignIn} false makes the institution SSO-only, except for its administrators.
 */
record SsoSettings(long institutionId, boolean enabled, String providerName, String issuerUri,
		String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri, String clientId,
		String secretKeyId, String secretSealed, Set<String> allowedDomains, boolean trustIssuerEmail,
		UnknownUsers unknownUsers, boolean passwordSignIn, Instant updatedAt) {

	/** What happens to a verified address that no account has. */
	enum UnknownUsers {

		/** A mentee account is created (INVITED, activated by the sign-in). */
		CREATE_INVITED,
		/** The sign-in is refused. */
		REFUSE

	}

	static final String REGISTRATION_PREFIX = "inst-";

	/** The registration id of an institution ({@code inst-<id>}), as in the redirect URI. */
	static String registrationId(long institutionId) {
		return REGISTRATION_PREFIX + institutionId;
	}

	/** The institution of a registration id, or -1 when it is not one of ours. */
	static long institutionOf(String registrationId) {
		if (registrationId == null || !registrationId.startsWith(REGISTRATION_PREFIX)) {
			return -1;
		}
		try {
			return Long.parseLong(registrationId.substring(REGISTRATION_PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** Whether the address's domain is one of the institution's (exactly, ignoring case). */
	boolean allowsDomainOf(String email) {
		int at = email == null ? -1 : email.lastIndexOf('@');
		return at > 0 && this.allowedDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
	}

	/** Whether all three endpoints are given, so that no discovery document is read. */
	boolean explicitEndpoints() {
		return this.authorizationUri != null && this.tokenUri != null && this.jwkSetUri != null;
	}

	/** Whether the password sign-in of a person of this institution is refused (unless break-glass). */
	boolean ssoOnly() {
		return this.enabled && !this.passwordSignIn;
	}

}
