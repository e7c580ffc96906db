package org.mentorhub.identity.sso;

import java.time.LocalDateTime;

import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plants an institution's single sign-on settings for tests. */
final class SsoFixtures {

	private SsoFixtures() {
	}

	static void plant(JdbcClient jdbc, SecretBox secrets, long institutionId, String issuer, String clientSecret,
			String domains, String unknownUsers, boolean passwordSignIn) {
		SecretBox.Sealed sealed = secrets.seal(clientSecret, InstitutionClientRegistrations.secretContext(institutionId));
		jdbc.sql("""
				INSERT INTO institution_sso (institution_id, enabled, provider_name, issuer_uri, client_id,
				    client_secret_key_id, client_secret_sealed, allowed_domains, trust_issuer_email, unknown_users,
				    password_sign_in, updated_at)
				VALUES (:inst, TRUE, :name, :issuer, :client, :keyId, :sealed, :domains, FALSE, :unknown, :password, :now)""")
			.param("inst", institutionId)
			.param("name", "Stand-in " + institutionId)
			.param("issuer", issuer)
			.param("client", OidcStandIn.CLIENT_ID)
			.param("keyId", sealed.keyId())
			.param("sealed", sealed.ciphertext())
			.param("domains", domains)
			.param("unknown", unknownUsers)
			.param("password", passwordSignIn)
			.param("now", LocalDateTime.now())
			.update();
	}

	static void passwordSignIn(JdbcClient jdbc, long institutionId, boolean allowed) {
		jdbc.sql("UPDATE institution_sso SET password_sign_in = :p, updated_at = :now WHERE institution_id = :id")
			.param("p", allowed)
			.param("id", institutionId)
			.param("now", LocalDateTime.now())
			.update();
	}

}
