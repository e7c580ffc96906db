package org.mentorhub.identity.signin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.AccountSecurityNotice;
import org.mentorhub.identity.LoginThrottle;
import org.mentorhub.identity.SecurityNoticeKind;
import org.mentorhub.identity.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks up the account behind a typed login and writes the facts of a sign-in to the audit log
 * (QUALITY S12): success, failure, lockout and refusal while locked, each with the client's IP and
 * user agent (taken by {@link AuditTrail} from the request). Never the password, and never the
 * login typed for an unknown account, which is sometimes a password typed in the wrong field.
 */
@Component
class SignInAuditing {

	static final String UNKNOWN_ACCOUNT = "unknown account";

	private static final Logger log = LoggerFactory.getLogger(SignInAuditing.class);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate own;

	SignInAuditing(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.events = events;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The account a login (e-mail or username) names, if any. */
	record Account(long id, String email, Long institutionId) {
	}

	Optional<Account> findAccount(String login) {
		String key = LoginThrottle.accountKey(login);
		if (key == null) {
			return Optional.empty();
		}
		List<Account> found = this.jdbc.sql("""
				SELECT id, email, institution_id FROM users WHERE email = :login
				UNION SELECT id, email, institution_id FROM users WHERE username = :login""")
			.param("login", key)
			.query((rs, row) -> new Account(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class)))
			.list();
		return found.stream().filter(account -> key.equalsIgnoreCase(account.email())).findFirst()
			.or(() -> found.stream().findFirst());
	}

	/** A successful sign-in: remembers when, and audits it. */
	void succeeded(SignedInUser user) {
		// A plain update, not through the entity: a sign-in must not bump the version that guards
		// an administrator's concurrent edit of the account.
		this.jdbc.sql("UPDATE users SET last_login_at = :now WHERE id = :id")
			.param("now", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("id", user.id())
			.update();
		this.audit.recordFor(AuditRecord.of("SIGN_IN_SUCCEEDED", "users", user.id()), user.id(), user.institutionId(),
				null);
	}

	/** A wrong password, an unknown account, or an account that may not sign in. */
	void failed(Optional<Account> account, LoginThrottle.Failure failure) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("failuresInARow", failure.accountFailures());
		record("SIGN_IN_FAILED", account, after);
		if (failure.accountNewlyLocked()) {
			log.warn("Sign-in locked for {} until {} after {} failures in a row",
					account.map(a -> "account " + a.id()).orElse(UNKNOWN_ACCOUNT), failure.accountLockedUntil(),
					failure.accountFailures());
			record("SIGN_IN_LOCKOUT", account, Map.of("lockedUntil", failure.accountLockedUntil().toString(),
					"failuresInARow", failure.accountFailures()));
			// The lock was written in the throttle's own transaction, which has ended: the notice goes
			// through the event publication registry in a transaction of its own.
			account.ifPresent(locked -> this.own.executeWithoutResult(status -> this.events.publishEvent(
					new AccountSecurityNotice(locked.id(), SecurityNoticeKind.ACCOUNT_LOCKED, this.clock.instant()))));
		}
		if (failure.ipNewlyLocked()) {
			log.warn("Sign-in blocked for a client address until {} after too many failures",
					failure.ipLockedUntil());
			record("SIGN_IN_IP_BLOCKED", account, Map.of("lockedUntil", failure.ipLockedUntil().toString()));
		}
	}

	/** An attempt refused without looking at the password, because the account or address is locked. */
	void refused(Optional<Account> account, LoginThrottle.Verdict verdict) {
		record("SIGN_IN_REFUSED_LOCKED", account, Map.of("lockedUntil", verdict.lockedUntil().toString()));
	}

	private void record(String action, Optional<Account> account, Map<String, ?> after) {
		this.audit.recordFor(
				AuditRecord.change(action, "users", account.map(Account::id).orElse(null), null, after),
				account.map(Account::id).orElse(null), account.map(Account::institutionId).orElse(null),
				account.isPresent() ? null : UNKNOWN_ACCOUNT);
	}

}
