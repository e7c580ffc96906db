package org.mentorhub.identity.sso;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code institution_sso} (owned by identity). */
@Repository
class SsoSettingsStore {

	private static final String COLUMNS = "institution_id, enabled, provider_name, issuer_uri, authorization_uri, "
			+ "token_uri, jwk_set_uri, user_info_uri, client_id, client_secret_key_id, client_secret_sealed, "
			+ "allowed_domains, trust_issuer_email, unknown_users, password_sign_in, updated_at";

	private static final RowMapper<SsoSettings> ROW = (rs, n) -> new SsoSettings(rs.getLong("institution_id"),
			rs.getBoolean("enabled"), rs.getString("provider_name"), rs.getString("issuer_uri"),
			rs.getString("authorization_uri"), rs.getString("token_uri"), rs.getString("jwk_set_uri"),
			rs.getString("user_info_uri"), rs.getString("client_id"), rs.getString("client_secret_key_id"),
			rs.getString("client_secret_sealed"), domains(rs.getString("allowed_domains")),
			rs.getBoolean("trust_issuer_email"), SsoSettings.UnknownUsers.valueOf(rs.getString("unknown_users")),
			rs.getBoolean("password_sign_in"),
			rs.getObject("updated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));

	/** A provider shown on the sign-in page. */
	record Provider(String registrationId, String name) {
	}

	private final JdbcClient jdbc;

	SsoSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SsoSettings> find(long institutionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM institution_sso WHERE institution_id = :id")
			.param("id", institutionId)
			.query(ROW)
			.optional();
	}

	/** The switched-on providers, for the sign-in page (one query). */
	List<Provider> enabledProviders() {
		return this.jdbc.sql("SELECT institution_id, provider_name FROM institution_sso WHERE enabled = TRUE "
				+ "ORDER BY provider_name, institution_id")
			.query((rs, n) -> new Provider(SsoSettings.registrationId(rs.getLong(1)), rs.getString(2)))
			.list();
	}

	void save(SsoSettings s) {
		String set = """
				enabled = :enabled, provider_name = :provider, issuer_uri = :issuer, authorization_uri = :auth,
				token_uri = :token, jwk_set_uri = :jwks, user_info_uri = :userinfo, client_id = :client,
				client_secret_key_id = :keyId, client_secret_sealed = :sealed, allowed_domains = :domains,
				trust_issuer_email = :trust, unknown_users = :unknown, password_sign_in = :password, updated_at = :now""";
		JdbcClient.StatementSpec update = bind(this.jdbc.sql("UPDATE institution_sso SET " + set
				+ " WHERE institution_id = :inst"), s);
		if (update.update() == 0) {
			bind(this.jdbc.sql("INSERT INTO institution_sso (" + COLUMNS + ") VALUES (:inst, :enabled, :provider, "
					+ ":issuer, :auth, :token, :jwks, :userinfo, :client, :keyId, :sealed, :domains, :trust, :unknown, "
					+ ":password, :now)"), s).update();
		}
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SsoSettings s) {
		return spec.param("inst", s.institutionId())
			.param("enabled", s.enabled())
			.param("provider", s.providerName())
			.param("issuer", s.issuerUri())
			.param("auth", s.authorizationUri())
			.param("token", s.tokenUri())
			.param("jwks", s.jwkSetUri())
			.param("userinfo", s.userInfoUri())
			.param("client", s.clientId())
			.param("keyId", s.secretKeyId())
			.param("sealed", s.secretSealed())
			.param("domains", String.join(" ", s.allowedDomains()))
			.param("trust", s.trustIssuerEmail())
			.param("unknown", s.unknownUsers().name())
			.param("password", s.passwordSignIn())
			.param("now", LocalDateTime.ofInstant(s.updatedAt(), ZoneOffset.UTC));
	}

	static Set<String> domains(String spaceSeparated) {
		if (spaceSeparated == null || spaceSeparated.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(spaceSeparated.strip().split("[\\s,;]+"))
			.map(d -> d.strip().toLowerCase(java.util.Locale.ROOT))
			.filter(d -> !d.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	static Instant truncated(Instant now) {
		return now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

}
