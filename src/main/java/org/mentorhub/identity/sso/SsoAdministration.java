package org.mentorhub.identity.sso;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.Tenancy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution administrator's view and change of their institution's single sign-on settings.
 * The client secret goes in sealed with SecretBox and never comes out: the view says only where it
 * comes from. Only administrators of the institution (role ADMIN) read or change them.
 */
@Service
class SsoAdministration {

	private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

	/** Where the client secret comes from. */
	enum SecretSource {

		STORED, CONFIGURATION, NONE

	}

	/** The settings as shown: never the secret. */
	record View(boolean configured, boolean enabled, String providerName, String issuerUri, String authorizationUri,
			String tokenUri, String jwkSetUri, String userInfoUri, String clientId, SecretSource clientSecret,
			List<String> allowedDomains, boolean trustIssuerEmail, SsoSettings.UnknownUsers unknownUsers,
			boolean passwordSignIn, String registrationId) {
	}

	/** A change as typed; a blank secret keeps the stored one unless {@code clearClientSecret}. */
	record Change(Boolean enabled, String providerName, String issuerUri, String authorizationUri, String tokenUri,
			String jwkSetUri, String userInfoUri, String clientId, String clientSecret, Boolean clearClientSecret,
			String allowedDomains, Boolean trustIssuerEmail, String unknownUsers, Boolean passwordSignIn) {
	}

	private final SsoSettingsStore store;

	private final InstitutionClientRegistrations registrations;

	private final SecretBox secrets;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	SsoAdministration(SsoSettingsStore store, InstitutionClientRegistrations registrations, SecretBox secrets,
			Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.store = store;
		this.registrations = registrations;
		this.secrets = secrets;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public View settings() {
		long institutionId = this.tenancy.institutionId();
		return this.store.find(institutionId)
			.map(this::view)
			.orElseGet(() -> new View(false, false, "", "", null, null, null, null, "", secretSource(institutionId, null),
					List.of(), false, SsoSettings.UnknownUsers.REFUSE, true, SsoSettings.registrationId(institutionId)));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public View change(Change change) {
		long institutionId = this.tenancy.institutionId();
		SsoSettings before = this.store.find(institutionId).orElse(null);
		List<FieldProblem> problems = new ArrayList<>();
		String providerName = text(change.providerName());
		if (providerName == null || providerName.length() > 100) {
			problems.add(new FieldProblem("providerName", "Enter the provider's name (at most 100 characters)."));
		}
		String issuer = url(change.issuerUri(), "issuerUri", true, problems);
		String authorization = url(change.authorizationUri(), "authorizationUri", false, problems);
		String token = url(change.tokenUri(), "tokenUri", false, problems);
		String jwks = url(change.jwkSetUri(), "jwkSetUri", false, problems);
		String userInfo = url(change.userInfoUri(), "userInfoUri", false, problems);
		int given = (authorization == null ? 0 : 1) + (token == null ? 0 : 1) + (jwks == null ? 0 : 1);
		if (given != 0 && given != 3) {
			problems.add(new FieldProblem("authorizationUri",
					"Give all three endpoints (authorization, token and key set), or none to read them from the issuer."));
		}
		String clientId = text(change.clientId());
		if (clientId == null || clientId.length() > 255) {
			problems.add(new FieldProblem("clientId", "Enter the client id the provider gave you (at most 255 characters)."));
		}
		String secret = change.clientSecret() == null || change.clientSecret().isBlank() ? null : change.clientSecret();
		if (secret != null && secret.length() > 500) {
			problems.add(new FieldProblem("clientSecret", "The client secret is at most 500 characters."));
		}
		Set<String> domains = SsoSettingsStore.domains(change.allowedDomains());
		if (domains.isEmpty()) {
			problems.add(new FieldProblem("allowedDomains", "Enter at least one e-mail domain, such as example.org."));
		}
		else if (domains.stream().anyMatch(d -> !DOMAIN.matcher(d).matches())
				|| String.join(" ", domains).length() > 1000) {
			problems.add(new FieldProblem("allowedDomains", "Enter e-mail domains such as example.org, separated by spaces."));
		}
		SsoSettings.UnknownUsers unknown = null;
		try {
			unknown = SsoSettings.UnknownUsers.valueOf(change.unknownUsers() == null ? "" : change.unknownUsers().strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("unknownUsers", "Choose what happens to people without an account."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String keyId = before == null ? null : before.secretKeyId();
		String sealed = before == null ? null : before.secretSealed();
		if (Boolean.TRUE.equals(change.clearClientSecret())) {
			keyId = null;
			sealed = null;
		}
		if (secret != null) {
			SecretBox.Sealed box = this.secrets.seal(secret, InstitutionClientRegistrations.secretContext(institutionId));
			keyId = box.keyId();
			sealed = box.ciphertext();
		}
		Instant now = SsoSettingsStore.truncated(this.clock.instant());
		SsoSettings after = new SsoSettings(institutionId, Boolean.TRUE.equals(change.enabled()), providerName, issuer,
				authorization, token, jwks, userInfo, clientId, keyId, sealed, domains,
				Boolean.TRUE.equals(change.trustIssuerEmail()), unknown,
				change.passwordSignIn() == null || change.passwordSignIn(), now);
		this.store.save(after);
		this.registrations.forget(institutionId);
		this.audit.record(AuditRecord.change("SSO_SETTINGS_CHANGED", "institution_sso", institutionId,
				before == null ? null : auditable(before), auditable(after)));
		return view(after);
	}

	private View view(SsoSettings s) {
		return new View(true, s.enabled(), s.providerName(), s.issuerUri(), s.authorizationUri(), s.tokenUri(),
				s.jwkSetUri(), s.userInfoUri(), s.clientId(), secretSource(s.institutionId(), s.secretSealed()),
				List.copyOf(s.allowedDomains()), s.trustIssuerEmail(), s.unknownUsers(), s.passwordSignIn(),
				SsoSettings.registrationId(s.institutionId()));
	}

	private SecretSource secretSource(long institutionId, String sealed) {
		if (this.registrations.secretConfigured(institutionId)) {
			return SecretSource.CONFIGURATION;
		}
		return sealed == null ? SecretSource.NONE : SecretSource.STORED;
	}

	/** What the audit keeps of the settings: everything but the secret, which only says whether one is stored. */
	private static Map<String, Object> auditable(SsoSettings s) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("enabled", s.enabled());
		state.put("providerName", s.providerName());
		state.put("issuerUri", s.issuerUri());
		state.put("clientId", s.clientId());
		state.put("secretStored", s.secretSealed() != null);
		state.put("allowedDomains", String.join(" ", s.allowedDomains()));
		state.put("trustIssuerEmail", s.trustIssuerEmail());
		state.put("unknownUsers", s.unknownUsers().name());
		state.put("passwordSignIn", s.passwordSignIn());
		return state;
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String url(String value, String field, boolean required, List<FieldProblem> problems) {
		String url = text(value);
		if (url == null) {
			if (required) {
				problems.add(new FieldProblem(field, "Enter the provider's issuer address (https://...)."));
			}
			return null;
		}
		try {
			URI uri = URI.create(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			// Plain http only for a provider on this machine (a test or development stand-in).
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (!(scheme.equals("https") || (scheme.equals("http") && local)) || uri.getHost() == null
					|| url.length() > 500) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "Enter a full web address (https://..., at most 500 characters)."));
			return null;
		}
		return url;
	}

}
