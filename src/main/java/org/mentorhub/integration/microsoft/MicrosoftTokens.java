package org.mentorhub.integration.microsoft;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code microsoft_tokens} rows: one connection per user. Both tokens are sealed with
 * {@link SecretBox} (AES-256-GCM, QUALITY S11), each bound to its column as context, and the row
 * records the key id; nothing here logs or returns a token outside this module.
 */
@Component
class MicrosoftTokens {

	static final String ACCESS = "microsoft_tokens.access_token";

	static final String REFRESH = "microsoft_tokens.refresh_token";

	/** A connection with its tokens opened; never leaves the module, never printed. */
	record Connection(long userId, String email, String accessToken, String refreshToken, Instant expiresAt,
			String status, Instant connectedAt) {

		boolean active() {
			return "ACTIVE".equals(this.status);
		}

		@Override
		public String toString() {
			return "Connection[user=" + this.userId + ", status=" + this.status + "]";
		}

	}

	/** What may be shown of a connection: never a token. */
	record Status(String email, String status, Instant connectedAt, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final SecretBox box;

	MicrosoftTokens(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	Optional<Connection> find(long userId) {
		return this.jdbc.sql("""
				SELECT user_id, microsoft_email, access_token, refresh_token, token_key_id, expires_at, status, created_at
				FROM microsoft_tokens WHERE user_id = :user""")
			.param("user", userId)
			.query((rs, row) -> {
				String key = rs.getString(5);
				String refresh = rs.getString(4);
				return new Connection(rs.getLong(1), rs.getString(2), this.box.open(key, rs.getString(3), ACCESS),
						refresh == null ? null : this.box.open(key, refresh, REFRESH), instant(rs.getObject(6, LocalDateTime.class)),
						rs.getString(7), instant(rs.getObject(8, LocalDateTime.class)));
			})
			.optional();
	}

	Optional<Status> status(long userId) {
		return this.jdbc.sql("SELECT microsoft_email, status, created_at, updated_at FROM microsoft_tokens WHERE user_id = :user")
			.param("user", userId)
			.query((rs, row) -> new Status(rs.getString(1), rs.getString(2), instant(rs.getObject(3, LocalDateTime.class)),
					instant(rs.getObject(4, LocalDateTime.class))))
			.optional();
	}

	/** The status of each of these users who has a connection. */
	Map<Long, String> statuses(Collection<Long> userIds) {
		Map<Long, String> statuses = new HashMap<>();
		if (userIds.isEmpty()) {
			return statuses;
		}
		this.jdbc.sql("SELECT user_id, status FROM microsoft_tokens WHERE user_id IN (:users)")
			.param("users", userIds)
			.query((rs, row) -> statuses.put(rs.getLong(1), rs.getString(2)))
			.list();
		return statuses;
	}

	/** Stores a (new) connection or its refreshed tokens: the connection is active again. */
	void save(long userId, String email, String accessToken, String refreshToken, String scopes, Instant expiresAt,
			Instant now) {
		SecretBox.Sealed access = this.box.seal(accessToken, ACCESS);
		SecretBox.Sealed refresh = refreshToken == null ? null : this.box.seal(refreshToken, REFRESH);
		if (refresh != null && !refresh.keyId().equals(access.keyId())) {
			throw new IllegalStateException("The active key changed while sealing");
		}
		int updated = this.jdbc.sql("""
				UPDATE microsoft_tokens SET microsoft_email = :email, access_token = :access, refresh_token = :refresh,
				       token_key_id = :key, scopes = :scopes, expires_at = :expires, status = 'ACTIVE', updated_at = :now
				WHERE user_id = :user""")
			.param("email", email)
			.param("access", access.ciphertext())
			.param("refresh", refresh == null ? null : refresh.ciphertext())
			.param("key", access.keyId())
			.param("scopes", truncate(scopes, 1000))
			.param("expires", utc(expiresAt))
			.param("now", utc(now))
			.param("user", userId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO microsoft_tokens (user_id, microsoft_email, access_token, refresh_token, token_key_id, scopes,
					                              expires_at, status, created_at, updated_at)
					VALUES (:user, :email, :access, :refresh, :key, :scopes, :expires, 'ACTIVE', :now, :now)""")
				.param("user", userId)
				.param("email", email)
				.param("access", access.ciphertext())
				.param("refresh", refresh == null ? null : refresh.ciphertext())
				.param("key", access.keyId())
				.param("scopes", truncate(scopes, 1000))
				.param("expires", utc(expiresAt))
				.param("now", utc(now))
				.update();
		}
	}

	/** Refreshed tokens of an existing connection (the refresh token rotates: the new one is kept). */
	void refreshed(long userId, String accessToken, String refreshToken, Instant expiresAt, Instant now) {
		SecretBox.Sealed access = this.box.seal(accessToken, ACCESS);
		SecretBox.Sealed refresh = this.box.seal(refreshToken, REFRESH);
		this.jdbc.sql("""
				UPDATE microsoft_tokens SET access_token = :access, refresh_token = :refresh, token_key_id = :key,
				       expires_at = :expires, status = 'ACTIVE', updated_at = :now
				WHERE user_id = :user""")
			.param("access", access.ciphertext())
			.param("refresh", refresh.ciphertext())
			.param("key", access.keyId())
			.param("expires", utc(expiresAt))
			.param("now", utc(now))
			.param("user", userId)
			.update();
	}

	/** Marks the connection as needing a new consent; true when it was active until now. */
	boolean needsReconnect(long userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE microsoft_tokens SET status = 'RECONNECT', updated_at = :now WHERE user_id = :user AND status = 'ACTIVE'""")
			.param("now", utc(now))
			.param("user", userId)
			.update() == 1;
	}

	boolean delete(long userId) {
		return this.jdbc.sql("DELETE FROM microsoft_tokens WHERE user_id = :user").param("user", userId).update() == 1;
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
