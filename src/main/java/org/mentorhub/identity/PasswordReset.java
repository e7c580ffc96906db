package org.mentorhub.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A requested password reset (seed 003 {@code password_resets}): only the SHA-256 of the e-mailed
 * token is kept, it works once, and only until it expires (QUALITY S5).
 */
@Entity
@Table(name = "password_resets")
class PasswordReset {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String tokenHash;

	private Instant expiresAt;

	private Instant usedAt;

	private String requestedIp;

	@Column(updatable = false)
	private Instant createdAt;

	protected PasswordReset() {
	}

	static PasswordReset requested(long userId, String tokenHash, Instant expiresAt, String requestedIp, Instant now) {
		PasswordReset reset = new PasswordReset();
		reset.userId = userId;
		reset.tokenHash = tokenHash;
		reset.expiresAt = expiresAt;
		reset.requestedIp = requestedIp == null || requestedIp.length() <= 45 ? requestedIp : requestedIp.substring(0, 45);
		reset.createdAt = now;
		return reset;
	}

	boolean usableAt(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	Long getUserId() {
		return this.userId;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

}
