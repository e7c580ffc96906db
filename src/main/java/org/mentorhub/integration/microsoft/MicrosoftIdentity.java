package org.mentorhub.integration.microsoft;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Microsoft identity platform, as an OAuth 2.0 client: the authorization request (code flow with
 * PKCE S256 and a state), the code exchange and the refresh, at the configured endpoints, with a plain
 * {@link RestClient} (the application's security filter chain and its client registrations belong to
 * single sign-on; this flow is the module's own). A token never reaches a log line or an exception message.
 */
@Component
class MicrosoftIdentity {

	private final SecureRandom random = new SecureRandom();

	private final MicrosoftProperties properties;

	private final RestClient client;

	private final JsonMapper json;

	MicrosoftIdentity(MicrosoftProperties properties, JsonMapper json) {
		this.json = json;
		this.properties = properties;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(min(properties.timeout(), Duration.ofSeconds(5)))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.timeout());
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	/** What the token endpoint answers; never printed. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") Long expiresIn,
			@JsonProperty("scope") String scope, @JsonProperty("id_token") String idToken) {

		@Override
		public String toString() {
			return "TokenResponse[expiresIn=" + this.expiresIn + "]";
		}

	}

	/** The refresh token was revoked or expired ({@code invalid_grant}): only a new consent helps. */
	static class InvalidGrantException extends RuntimeException {

		InvalidGrantException() {
			super("The token endpoint refused the grant (invalid_grant)");
		}

	}

	/** The token endpoint could not be reached or answered with another error. */
	static class TokenEndpointException extends RuntimeException {

		TokenEndpointException(String message) {
			super(message);
		}

	}

	/** A fresh, unguessable value (state, PKCE verifier): 256 random bits, base64url. */
	String randomValue() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The address of the consent page for the institution's app registration. */
	String authorizationUrl(Long institutionId, String redirectUri, String state, String verifier, String loginHint) {
		MicrosoftProperties.Client registration = this.properties.client(institutionId);
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(registration.authorizeUrl())
			.queryParam("client_id", registration.clientId())
			.queryParam("response_type", "code")
			.queryParam("redirect_uri", redirectUri)
			.queryParam("response_mode", "query")
			.queryParam("scope", MicrosoftProperties.SCOPES)
			.queryParam("state", state)
			.queryParam("code_challenge", challenge(verifier))
			.queryParam("code_challenge_method", "S256");
		if (loginHint != null && !loginHint.isBlank()) {
			builder.queryParam("login_hint", loginHint);
		}
		return builder.encode().build().toUriString();
	}

	/** Exchanges the authorization code (with the PKCE verifier) for tokens. */
	TokenResponse exchange(Long institutionId, String code, String redirectUri, String verifier) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", redirectUri);
		form.add("code_verifier", verifier);
		form.add("scope", MicrosoftProperties.SCOPES);
		return call(institutionId, form);
	}

	/** Redeems a refresh token; the answer carries a new refresh token, which replaces the old one. */
	TokenResponse refresh(Long institutionId, String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", refreshToken);
		form.add("scope", MicrosoftProperties.SCOPES);
		return call(institutionId, form);
	}

	private TokenResponse call(Long institutionId, MultiValueMap<String, String> form) {
		MicrosoftProperties.Client registration = this.properties.client(institutionId);
		form.add("client_id", registration.clientId());
		if (registration.clientSecret() != null && !registration.clientSecret().isBlank()) {
			form.add("client_secret", registration.clientSecret());
		}
		TokenResponse response;
		try {
			response = this.client.post()
				.uri(registration.tokenUrl())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.body(TokenResponse.class);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().value() == 400 && "invalid_grant".equals(errorCode(ex.getResponseBodyAsString()))) {
				throw new InvalidGrantException();
			}
			throw new TokenEndpointException("The token endpoint answered " + ex.getStatusCode().value());
		}
		catch (RestClientException ex) {
			// The class only: a message may quote the request.
			throw new TokenEndpointException("The token endpoint could not be reached (" + ex.getClass().getSimpleName() + ")");
		}
		if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
			throw new TokenEndpointException("The token endpoint answered without an access token");
		}
		return response;
	}

	private String errorCode(String body) {
		try {
			Object error = this.json.readValue(body, Map.class).get("error");
			return error == null ? null : error.toString();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * The e-mail of the signed-in Microsoft account, from the ID token's claims ({@code email}, else
	 * {@code preferred_username}). The ID token came straight from the token endpoint over TLS, which
	 * OpenID Connect Core 3.1.3.7 accepts instead of a signature check; it is used for display only.
	 */
	String emailOf(String idToken) {
		if (idToken == null) {
			return null;
		}
		String[] parts = idToken.split("\\.");
		if (parts.length < 2) {
			return null;
		}
		try {
			Map<?, ?> claims = this.json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
			Object email = claims.get("email");
			if (email == null) {
				email = claims.get("preferred_username");
			}
			return email == null ? null : email.toString();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) < 0 ? a : b;
	}

}
