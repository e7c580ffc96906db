package org.mentorhub.identity.sso;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.platform.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * Builds the OpenID Connect client registration {@code inst-<id>} of each institution that switched
 * single sign-on on, from its row of {@code institution_sso}: from the issuer's discovery document
 * (read with a timeout, once per version of the settings) unless the administrator gave the
 * authorization, token and JWKS endpoints. The client secret comes from the configuration
 * ({@code mentorhub.identity.sso.client-secrets.inst-<id>}) or is opened from its SecretBox seal;
 * without one the client is public and uses PKCE.
 */
class InstitutionClientRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(InstitutionClientRegistrations.class);

	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	static final String SECRET_PROPERTY = "mentorhub.identity.sso.client-secrets.";

	private record Cached(Instant version, ClientRegistration registration) {
	}

	private final SsoSettingsStore store;

	private final SecretBox secrets;

	private final Environment environment;

	private final RestClient discovery;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	InstitutionClientRegistrations(SsoSettingsStore store, SecretBox secrets, Environment environment,
			Duration timeout) {
		this.store = store;
		this.secrets = secrets;
		this.environment = environment;
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		this.discovery = RestClient.builder().requestFactory(factory).build();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		long institutionId = SsoSettings.institutionOf(registrationId);
		if (institutionId < 0) {
			return null;
		}
		SsoSettings settings = this.store.find(institutionId).filter(SsoSettings::enabled).orElse(null);
		if (settings == null) {
			return null;
		}
		Cached cached = this.cache.get(institutionId);
		if (cached != null && cached.version().equals(settings.updatedAt())) {
			return cached.registration();
		}
		try {
			ClientRegistration registration = build(settings);
			this.cache.put(institutionId, new Cached(settings.updatedAt(), registration));
			return registration;
		}
		catch (RuntimeException ex) {
			// An unreachable issuer or a broken discovery document: the button fails for this institution
			// only, and the log says why (without the secret).
			log.warn("Single sign-on of institution {} is not usable: {}", institutionId, ex.toString());
			return null;
		}
	}

	ClientRegistration build(SsoSettings settings) {
		String registrationId = SsoSettings.registrationId(settings.institutionId());
		ClientRegistration.Builder builder;
		if (settings.explicitEndpoints()) {
			builder = ClientRegistration.withRegistrationId(registrationId)
				.authorizationUri(settings.authorizationUri())
				.tokenUri(settings.tokenUri())
				.jwkSetUri(settings.jwkSetUri())
				.userInfoUri(settings.userInfoUri())
				.issuerUri(settings.issuerUri());
		}
		else {
			builder = ClientRegistrations.fromOidcConfiguration(discover(settings.issuerUri()))
				.registrationId(registrationId);
			if (settings.userInfoUri() != null) {
				builder.userInfoUri(settings.userInfoUri());
			}
		}
		String secret = clientSecret(settings);
		builder.clientId(settings.clientId())
			.clientName(settings.providerName())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(REDIRECT_URI)
			.scope("openid", "profile", "email")
			.userNameAttributeName("sub");
		if (secret == null) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			builder.clientSecret(secret).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		}
		return builder.build();
	}

	/** Forgets every built registration (after a change of settings, or the tests' stand-in moved). */
	void forget(long institutionId) {
		this.cache.remove(institutionId);
	}

	String clientSecret(SsoSettings settings) {
		String configured = this.environment
			.getProperty(SECRET_PROPERTY + SsoSettings.registrationId(settings.institutionId()));
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (settings.secretSealed() == null) {
			return null;
		}
		return this.secrets.open(settings.secretKeyId(), settings.secretSealed(), secretContext(settings.institutionId()));
	}

	boolean secretConfigured(long institutionId) {
		String configured = this.environment.getProperty(SECRET_PROPERTY + SsoSettings.registrationId(institutionId));
		return configured != null && !configured.isBlank();
	}

	static String secretContext(long institutionId) {
		return "institution_sso:" + institutionId;
	}

	private Map<String, Object> discover(String issuer) {
		String location = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
		Map<String, Object> configuration = this.discovery.get()
			.uri(location + "/.well-known/openid-configuration")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		if (configuration == null || !issuer.equals(configuration.get("issuer"))) {
			throw new IllegalStateException("The discovery document of " + issuer + " names another issuer");
		}
		return configuration;
	}

}
