package org.mentorhub.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use, expiring link (invitation, self-registration, e-mail change); only the SHA-256 of its token is kept. */
@Entity
@Table(name = "account_tokens")
class AccountToken {

	/** What the link is for. */
	enum Purpose {

		INVITATION, EMAIL_CHANGE, REGISTRATION

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private String tokenHash;

	private String newEmail;

	private Instant expiresAt;

	private Instant usedAt;

	private Long createdById;

	private Instant createdAt;

	protected AccountToken() {
	}

	static AccountToken issue(long userId, Purpose purpose, String tokenHash, String newEmail, Instant expiresAt,
			Long createdById, Instant now) {
		AccountToken token = new AccountToken();
		token.userId = userId;
		token.purpose = purpose;
		token.tokenHash = tokenHash;
		token.newEmail = newEmail;
		token.expiresAt = expiresAt;
		token.createdById = createdById;
		token.createdAt = now;
		return token;
	}

	boolean usableAt(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	Long getUserId() {
		return this.userId;
	}

	Purpose getPurpose() {
		return this.purpose;
	}

	String getNewEmail() {
		return this.newEmail;
	}

}
