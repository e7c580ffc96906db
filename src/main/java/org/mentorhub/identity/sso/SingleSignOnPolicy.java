package org.mentorhub.identity.sso;

import java.util.List;
import java.util.Optional;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What single sign-on means for the rest of sign-in: whether a password sign-in is refused because the
 * person's institution signs in through its provider, and which providers the sign-in page offers.
 * The institution's administrators are its break-glass accounts: they keep their password, so that a
 * broken provider never locks the institution out of its own settings.
 */
@Service
public class SingleSignOnPolicy {

	/** A button of the sign-in page: "Sign in with {name}" at {@code /oauth2/authorization/{registrationId}}. */
	public record Provider(String registrationId, String name) {
	}

	private final SsoSettingsStore store;

	private final SsoAuditing auditing;

	SingleSignOnPolicy(SsoSettingsStore store, SsoAuditing auditing) {
		this.store = store;
		this.auditing = auditing;
	}

	/**
	 * The provider's name when this person, who has just given the right password, may not sign in with
	 * it (their institution is SSO-only and they are not one of its administrators); the refusal is
	 * audited. Empty when the password sign-in may go on.
	 */
	public Optional<String> refusePassword(SignedInUser user) {
		if (user.institutionId() == null || user.hasRole(RoleName.ADMIN) || user.hasRole(RoleName.PLATFORM_ADMIN)) {
			return Optional.empty();
		}
		Optional<String> provider = this.store.find(user.institutionId())
			.filter(SsoSettings::ssoOnly)
			.map(SsoSettings::providerName);
		provider.ifPresent(name -> this.auditing.passwordRefused(user));
		return provider;
	}

	/** The providers switched on, for the sign-in page (one query). */
	@Transactional(readOnly = true)
	public List<Provider> providers() {
		return this.store.enabledProviders()
			.stream()
			.map(p -> new Provider(p.registrationId(), p.name()))
			.toList();
	}

}
