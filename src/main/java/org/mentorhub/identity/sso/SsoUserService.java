package org.mentorhub.identity.sso;

import java.util.Collection;
import java.util.Map;

import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.SingleSignOnAccounts;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the provider's checked ID token (signature, issuer, audience, expiry and nonce were verified
 * by Spring Security before this runs) into a MentorHub account: the address must be verified
 * ({@code email_verified} true, or the institution trusts its issuer's addresses), within the
 * institution's domains, and belong to an account of that institution that is not switched off.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final SsoSettingsStore store;

	private final SingleSignOnAccounts accounts;

	SsoUserService(SsoSettingsStore store, SingleSignOnAccounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		long institutionId = SsoSettings.institutionOf(request.getClientRegistration().getRegistrationId());
		SsoSettings settings = this.store.find(institutionId)
			.filter(SsoSettings::enabled)
			.orElseThrow(() -> new SsoRefusal(SsoRefusal.Reason.UNKNOWN_ACCOUNT, institutionId, null));
		OidcUser oidc = this.provider.loadUser(request);
		String email = verifiedEmail(oidc, settings);
		if (email == null) {
			throw new SsoRefusal(SsoRefusal.Reason.NO_VERIFIED_EMAIL, institutionId, null);
		}
		if (!settings.allowsDomainOf(email)) {
			throw new SsoRefusal(SsoRefusal.Reason.DOMAIN_NOT_ALLOWED, institutionId, null);
		}
		SingleSignOnAccounts.Outcome outcome = this.accounts.signIn(institutionId, email, oidc.getFullName(),
				settings.unknownUsers() == SsoSettings.UnknownUsers.CREATE_INVITED);
		if (!outcome.signedIn()) {
			throw new SsoRefusal(SsoRefusal.Reason.valueOf(outcome.refusal().name()), institutionId,
					outcome.accountId());
		}
		return new Matched(oidc, outcome, settings.providerName());
	}

	/**
	 * The address, when the provider vouches for it: {@code email_verified} true, or (for issuers
	 * such as Entra ID that do not send that claim) an institution that trusts its issuer's
	 * addresses, where the {@code email} claim or else an address-shaped {@code preferred_username}
	 * is taken.
	 */
	static String verifiedEmail(OidcUser oidc, SsoSettings settings) {
		String email = oidc.getEmail();
		if (Boolean.TRUE.equals(oidc.getEmailVerified()) && email != null) {
			return email;
		}
		if (!settings.trustIssuerEmail()) {
			return null;
		}
		if (email == null && oidc.getPreferredUsername() != null && oidc.getPreferredUsername().contains("@")) {
			email = oidc.getPreferredUsername();
		}
		return email;
	}

	/** The provider's user with the matched MentorHub account, which the success handler signs in. */
	static final class Matched implements OidcUser {

		private final OidcUser oidc;

		private final SignedInUser user;

		private final SingleSignOnAccounts.Outcome outcome;

		private final String providerName;

		Matched(OidcUser oidc, SingleSignOnAccounts.Outcome outcome, String providerName) {
			this.oidc = oidc;
			this.user = outcome.user();
			this.outcome = outcome;
			this.providerName = providerName;
		}

		SignedInUser user() {
			return this.user;
		}

		SingleSignOnAccounts.Outcome outcome() {
			return this.outcome;
		}

		String providerName() {
			return this.providerName;
		}

		@Override
		public Map<String, Object> getClaims() {
			return this.oidc.getClaims();
		}

		@Override
		public OidcUserInfo getUserInfo() {
			return this.oidc.getUserInfo();
		}

		@Override
		public OidcIdToken getIdToken() {
			return this.oidc.getIdToken();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.oidc.getAttributes();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.user.getAuthorities();
		}

		@Override
		public String getName() {
			return this.user.getUsername();
		}

	}

}
