package org.mentorhub.identity.sso;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A local OpenID Connect provider on WireMock: discovery, an authorize endpoint that sends the
 * browser straight back with a code, a token endpoint that answers with the ID token the test chose
 * (signed with this stand-in's RSA key, or another), and the JWKS with the public key. No internet.
 */
final class OidcStandIn {

	static final String CLIENT_ID = "mentorhub-test-client";

	static final String CLIENT_SECRET = "stand-in-secret";

	final WireMockServer server;

	final RSAKey key;

	final RSAKey otherKey;

	OidcStandIn() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("stand-in-key").generate();
			// Another key with the same key id: a token it signs has a bad signature for the stand-in's JWKS.
			this.otherKey = new RSAKeyGenerator(2048).keyID("stand-in-key").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
		this.server.start();
		String issuer = issuer();
		this.server.stubFor(get(urlPathEqualTo("/realm/.well-known/openid-configuration"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
					{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
					 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
					 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
					 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer))));
		this.server.stubFor(get(urlPathEqualTo("/realm/authorize")).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "{{request.query.redirect_uri}}?code=the-code&state={{request.query.state}}")));
		this.server.stubFor(get(urlPathEqualTo("/realm/jwks")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody(new JWKSet(this.key.toPublicJWK()).toString())));
	}

	String issuer() {
		return this.server.baseUrl() + "/realm";
	}

	void stop() {
		this.server.stop();
	}

	/** The claims of an ID token for the given address, for the authorization request's nonce. */
	static Map<String, Object> claims(String issuer, String audience, String email, Boolean verified, String nonce) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", UUID.randomUUID().toString());
		claims.put("aud", audience);
		claims.put("nonce", nonce);
		claims.put("email", email);
		if (verified != null) {
			claims.put("email_verified", verified);
		}
		claims.put("name", "Stand-in Person");
		return claims;
	}

	/** The token endpoint answers (once the client authenticated with the right secret) with this ID token. */
	void answerWith(Map<String, Object> claims, RSAKey signer) {
		String idToken = sign(claims, signer);
		this.server.stubFor(post(urlPathEqualTo("/realm/token"))
			.withBasicAuth(CLIENT_ID, CLIENT_SECRET)
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
					{"access_token":"stand-in-access","token_type":"Bearer","expires_in":300,
					 "scope":"openid email profile","id_token":"%s"}""".formatted(idToken))));
	}

	static String sign(Map<String, Object> claims, RSAKey signer) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)));
			claims.forEach((name, value) -> builder.claim(name, name.equals("aud") ? List.of(value) : value));
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(),
					builder.build());
			jwt.sign(new RSASSASigner(signer));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A query parameter of an address. */
	static String parameter(String location, String name) {
		for (String pair : URI.create(location).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			if (pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		throw new IllegalArgumentException("No " + name + " in " + location);
	}

}
