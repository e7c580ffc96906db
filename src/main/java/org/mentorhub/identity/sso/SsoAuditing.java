package org.mentorhub.identity.sso;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Audits single sign-on as password sign-in is audited: a success is {@code SIGN_IN_SUCCEEDED} (with
 * the method and provider) and remembers when; a refusal (by MentorHub, or a token that failed its
 * checks) is {@code SSO_SIGN_IN_REFUSED} with the reason; a password refused because the institution
 * signs in through its provider is {@code SIGN_IN_REFUSED_SSO_ONLY}. Never a token or a claim value
 * beyond the reason.
 */
@Component
class SsoAuditing {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	SsoAuditing(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	void succeeded(SignedInUser user, String providerName, boolean created, boolean activated) {
		// The update commits before the audit rows (each in a transaction of its own) refer to the
		// account: on MariaDB their foreign-key check waited on the update's row lock (lock wait timeout).
		this.transaction.executeWithoutResult(status ->
			// A plain update, as for a password sign-in: no bump of the account's version.
			this.jdbc.sql("UPDATE users SET last_login_at = :now WHERE id = :id")
				.param("now", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.param("id", user.id())
				.update());
		if (created) {
			this.audit.recordFor(AuditRecord.change("USER_INVITED", "users", user.id(), null,
					Map.of("email", user.email(), "roles", "[MENTEE]", "status", "INVITED", "by", "single sign-on")),
					user.id(), user.institutionId(), null);
		}
		if (activated) {
			this.audit.recordFor(AuditRecord.change("USER_ACTIVATED", "users", user.id(), Map.of("status", "INVITED"),
					Map.of("status", "ACTIVE", "by", "single sign-on")), user.id(), user.institutionId(), null);
		}
		this.audit.recordFor(AuditRecord.change("SIGN_IN_SUCCEEDED", "users", user.id(), null,
				Map.of("method", "single sign-on", "provider", providerName)), user.id(), user.institutionId(), null);
	}

	void refused(Long institutionId, Long accountId, String reason) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("method", "single sign-on");
		after.put("reason", reason);
		this.audit.recordFor(AuditRecord.change("SSO_SIGN_IN_REFUSED", "users", accountId, null, after), accountId,
				institutionId, accountId == null ? "single sign-on" : null);
	}

	void passwordRefused(SignedInUser user) {
		this.audit.recordFor(AuditRecord.change("SIGN_IN_REFUSED_SSO_ONLY", "users", user.id(), null,
				Map.of("method", "password")), user.id(), user.institutionId(), null);
	}

}
