package org.mentorhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection for sign-in, password reset and registration (QUALITY S3): a per-account
 * back-off and a per-IP limit, counted in the {@code login_throttles} table so that every
 * application instance sees the same counts.
 * <p>
 * Callers ask {@link #check} before doing the expensive or revealing work, then report the outcome
 * with {@link #recordFailure} or {@link #recordSuccess}. A refused attempt must get exactly the
 * answer a wrong password (or unknown e-mail) gets, so that a lock reveals nothing. Attempts refused
 * by {@link #check} are not counted again, so hammering a locked account does not extend its lock.
 * <p>
 * Defaults ({@code mentorhub.identity.throttle.*}): the 5th failure of an account locks it for 1
 * minute, each further failure doubles the lock up to 15 minutes, and the count starts again after
 * 12 hours without a failure or after a success; 50 failures from one IP address within 15 minutes
 * block the address for 15 minutes. Each {@link Action} counts separately.
 */
@Service
public class LoginThrottle {

	/** What is being throttled; each action has its own counters. */
	public enum Action {

		/** Signing in with a password. */
		LOGIN,
		/** Asking for a password-reset link or redeeming one. */
		RESET,
		/** Self-registration. */
		REGISTER

	}

	/**
	 * Whether an attempt may go ahead.
	 * @param allowed false while the account or the IP address is locked
	 * @param lockedUntil when the longest lock that applies ends, or null when allowed
	 */
	public record Verdict(boolean allowed, Instant lockedUntil) {

		static final Verdict ALLOWED = new Verdict(true, null);

	}

	/**
	 * What one failure led to.
	 * @param accountFailures the account's failures in a row, this one included (0 without an account key)
	 * @param accountLockedUntil when the account's lock ends, or null when it is not locked
	 * @param accountNewlyLocked whether this failure locked the account (a lockout to audit)
	 * @param ipLockedUntil when the IP address's block ends, or null when it is not blocked
	 * @param ipNewlyLocked whether this failure blocked the IP address
	 */
	public record Failure(int accountFailures, Instant accountLockedUntil, boolean accountNewlyLocked,
			Instant ipLockedUntil, boolean ipNewlyLocked) {
	}

	static final int MAX_KEY_LENGTH = 320;

	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final LoginThrottleProperties properties;

	LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			LoginThrottleProperties properties) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The key under which an account is counted: the login (e-mail or username) as typed, stripped
	 * and lower-cased, so that "Ann@X.org" and "ann@x.org " share one counter. Returns null for a
	 * blank login.
	 */
	public static String accountKey(String login) {
		if (login == null || login.isBlank()) {
			return null;
		}
		String key = login.strip().toLowerCase(Locale.ROOT);
		return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
	}

	/**
	 * Whether an attempt for the account (see {@link #accountKey}) from the IP address may go ahead.
	 * Either may be null, and is then not checked.
	 */
	public Verdict check(Action action, String accountKey, String ip) {
		Instant now = this.clock.instant();
		Instant lockedUntil = null;
		for (Key key : keys(accountKey, ip)) {
			Optional<Instant> until = lockedUntil(action, key);
			if (until.isPresent() && until.get().isAfter(now)
					&& (lockedUntil == null || until.get().isAfter(lockedUntil))) {
				lockedUntil = until.get();
			}
		}
		return lockedUntil == null ? Verdict.ALLOWED : new Verdict(false, lockedUntil);
	}

	/** Counts a failed attempt against the account and the IP address, and locks them when due. */
	public Failure recordFailure(Action action, String accountKey, String ip) {
		Instant now = this.clock.instant();
		Counter account = null;
		Counter address = null;
		for (Key key : keys(accountKey, ip)) {
			Counter counter = count(action, key, now);
			if (key.type == KeyType.ACCOUNT) {
				account = counter;
			}
			else {
				address = counter;
			}
		}
		return new Failure(account == null ? 0 : account.failures, account == null ? null : account.lockedUntil,
				account != null && account.newlyLocked, address == null ? null : address.lockedUntil,
				address != null && address.newlyLocked);
	}

	/**
	 * Forgets the account's failures after a success. The IP address's count stays: otherwise an
	 * attacker could reset it by signing in to an account of their own between guesses.
	 */
	public void recordSuccess(Action action, String accountKey, String ip) {
		String key = accountKey(accountKey);
		if (key == null) {
			return;
		}
		this.jdbc.sql("DELETE FROM login_throttles WHERE action = :action AND key_type = 'ACCOUNT' AND throttle_key = :key")
			.param("action", action.name())
			.param("key", key)
			.update();
	}

	/**
	 * Deletes counters that no longer matter: not locked and without a failure for longer than
	 * both the account reset time and the IP window. Returns how many were deleted.
	 */
	public int purgeStale() {
		Instant now = this.clock.instant();
		Duration keep = max(this.properties.accountResetAfter(), this.properties.ipWindow());
		return this.jdbc.sql("""
				DELETE FROM login_throttles
				WHERE updated_at < :before AND (locked_until IS NULL OR locked_until < :now)""")
			.param("before", utc(now.minus(keep)))
			.param("now", utc(now))
			.update();
	}

	private Optional<Instant> lockedUntil(Action action, Key key) {
		return this.jdbc.sql("""
				SELECT locked_until FROM login_throttles
				WHERE action = :action AND key_type = :type AND throttle_key = :key""")
			.param("action", action.name())
			.param("type", key.type.name())
			.param("key", key.value)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDateTime.class)))
			.optional()
			.flatMap(until -> until)
			.map(until -> until.toInstant(ZoneOffset.UTC));
	}

	/**
	 * Adds one failure to a counter in a transaction of its own, holding the row lock from read to
	 * write, so that concurrent failures on several instances are all counted. Two first failures
	 * racing to insert the row, or a deadlock, make one of them start again.
	 */
	private Counter count(Action action, Key key, Instant now) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.ownTransaction.execute(status -> countInTransaction(action, key, now));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Counter countInTransaction(Action action, Key key, Instant now) {
		Optional<Row> existing = this.jdbc.sql("""
				SELECT failures, window_started_at, locked_until, updated_at FROM login_throttles
				WHERE action = :action AND key_type = :type AND throttle_key = :key FOR UPDATE""")
			.param("action", action.name())
			.param("type", key.type.name())
			.param("key", key.value)
			.query((rs, n) -> new Row(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)),
					instant(rs.getObject(3, LocalDateTime.class)), instant(rs.getObject(4, LocalDateTime.class))))
			.optional();
		Row before = existing.orElse(new Row(0, now, null, now));
		Counter counter = key.type == KeyType.ACCOUNT ? nextAccountCount(before, now) : nextIpCount(before, now);
		if (existing.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO login_throttles (action, key_type, throttle_key, failures, window_started_at,
					                             locked_until, updated_at)
					VALUES (:action, :type, :key, :failures, :window, :locked, :now)""")
				.param("action", action.name())
				.param("type", key.type.name())
				.param("key", key.value)
				.param("failures", counter.failures)
				.param("window", utc(counter.windowStartedAt))
				.param("locked", utc(counter.lockedUntil))
				.param("now", utc(now))
				.update();
		}
		else {
			this.jdbc.sql("""
					UPDATE login_throttles
					SET failures = :failures, window_started_at = :window, locked_until = :locked, updated_at = :now
					WHERE action = :action AND key_type = :type AND throttle_key = :key""")
				.param("failures", counter.failures)
				.param("window", utc(counter.windowStartedAt))
				.param("locked", utc(counter.lockedUntil))
				.param("now", utc(now))
				.param("action", action.name())
				.param("type", key.type.name())
				.param("key", key.value)
				.update();
		}
		return counter;
	}

	/** Per account: the n-th failure in a row (n ≥ lockAfter) locks for first × 2^(n − lockAfter), capped. */
	Counter nextAccountCount(Row row, Instant now) {
		boolean locked = row.lockedUntil != null && row.lockedUntil.isAfter(now);
		boolean stale = !locked && !row.updatedAt.plus(this.properties.accountResetAfter()).isAfter(now);
		int failures = (stale ? 0 : row.failures) + 1;
		Instant windowStartedAt = stale || row.failures == 0 ? now : row.windowStartedAt;
		Instant lockedUntil = locked ? row.lockedUntil : null;
		boolean newlyLocked = false;
		if (failures >= this.properties.accountLockAfter()) {
			Instant until = now.plus(accountLock(failures));
			if (lockedUntil == null || until.isAfter(lockedUntil)) {
				newlyLocked = !locked;
				lockedUntil = until;
			}
		}
		return new Counter(failures, windowStartedAt, lockedUntil, newlyLocked);
	}

	/** Per IP address: a fixed window; reaching the limit blocks the address for one window length. */
	Counter nextIpCount(Row row, Instant now) {
		boolean locked = row.lockedUntil != null && row.lockedUntil.isAfter(now);
		boolean windowOver = !row.windowStartedAt.plus(this.properties.ipWindow()).isAfter(now);
		boolean restart = !locked && (windowOver || row.failures == 0);
		int failures = (restart ? 0 : row.failures) + 1;
		Instant windowStartedAt = restart ? now : row.windowStartedAt;
		Instant lockedUntil = locked ? row.lockedUntil : null;
		boolean newlyLocked = false;
		if (!locked && failures >= this.properties.ipMaxFailures()) {
			lockedUntil = now.plus(this.properties.ipWindow());
			newlyLocked = true;
		}
		return new Counter(failures, windowStartedAt, lockedUntil, newlyLocked);
	}

	/** The lock after the given number of failures in a row. */
	Duration accountLock(int failures) {
		int doublings = Math.min(Math.max(failures - this.properties.accountLockAfter(), 0), 30);
		Duration lock = this.properties.accountFirstLock().multipliedBy(1L << doublings);
		return lock.compareTo(this.properties.accountMaxLock()) > 0 ? this.properties.accountMaxLock() : lock;
	}

	private static java.util.List<Key> keys(String accountKey, String ip) {
		java.util.List<Key> keys = new java.util.ArrayList<>(2);
		String account = accountKey(accountKey);
		if (account != null) {
			keys.add(new Key(KeyType.ACCOUNT, account));
		}
		if (ip != null && !ip.isBlank()) {
			keys.add(new Key(KeyType.IP, ip.length() <= MAX_KEY_LENGTH ? ip : ip.substring(0, MAX_KEY_LENGTH)));
		}
		return keys;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	private static LocalDateTime utc(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime utc) {
		return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
	}

	private enum KeyType {

		ACCOUNT, IP

	}

	private record Key(KeyType type, String value) {
	}

	/** A counter as stored. */
	record Row(int failures, Instant windowStartedAt, Instant lockedUntil, Instant updatedAt) {
	}

	/** A counter after one more failure. */
	record Counter(int failures, Instant windowStartedAt, Instant lockedUntil, boolean newlyLocked) {
	}

}
