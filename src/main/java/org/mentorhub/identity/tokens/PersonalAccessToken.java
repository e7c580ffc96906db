package org.mentorhub.identity.tokens;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/**
 * A personal access token for the REST API. Only the SHA-256 of the token is kept, plus a short
 * visible prefix so that its owner can tell tokens apart.
 */
@Entity
@Table(name = "personal_access_tokens")
class PersonalAccessToken {

	/** Where a token stands. */
	enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String name;

	private String tokenPrefix;

	private String tokenHash;

	private String scopes;

	private Instant expiresAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	private Instant createdAt;

	protected PersonalAccessToken() {
	}

	static PersonalAccessToken issue(long userId, String name, String tokenPrefix, String tokenHash,
			Set<TokenScope> scopes, Instant expiresAt, Instant now) {
		PersonalAccessToken token = new PersonalAccessToken();
		token.userId = userId;
		token.name = name;
		token.tokenPrefix = tokenPrefix;
		token.tokenHash = tokenHash;
		token.scopes = EnumSet.copyOf(scopes).stream().map(TokenScope::value).collect(Collectors.joining(" "));
		token.expiresAt = expiresAt;
		token.createdAt = now;
		return token;
	}

	/** Revokes the token; returns false when it was revoked already. */
	boolean revoke(Instant now) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = now;
		return true;
	}

	Status statusAt(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		return now.isBefore(this.expiresAt) ? Status.ACTIVE : Status.EXPIRED;
	}

	Set<TokenScope> getScopes() {
		Set<TokenScope> result = EnumSet.noneOf(TokenScope.class);
		Arrays.stream(this.scopes.split(" ")).map(TokenScope::of).forEach(scope -> scope.ifPresent(result::add));
		return result;
	}

	Long getId() {
		return this.id;
	}

	Long getUserId() {
		return this.userId;
	}

	String getName() {
		return this.name;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
