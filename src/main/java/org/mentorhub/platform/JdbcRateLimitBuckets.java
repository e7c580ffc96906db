package org.mentorhub.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate-limit buckets in the {@code rate_limit_buckets} table (V90): each call reads its bucket's row with
 * {@code SELECT ... FOR UPDATE} and writes it back, in the caller's transaction or one of its own, so that concurrent calls on
 * any number of instances take tokens one after another and together get exactly the configured capacity.
 * A new row is made without a duplicate-key failure (see {@link #insertIfAbsent}); outside a transaction,
 * a deadlock makes the call start again. Rows of buckets
 * that are full again are deleted every few minutes, once per cluster: a missing bucket is a full one.
 */
class JdbcRateLimitBuckets implements RateLimitBuckets {

	/** How many times a call starts again after losing a race for its row. */
	static final int ATTEMPTS = 5;

	/** Keys longer than this are stored as their SHA-256. */
	static final int MAX_KEY = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	private final DataSource dataSource;

	private volatile Dialect dialect;

	JdbcRateLimitBuckets(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.ownTransaction = new TransactionTemplate(transactions);
		// REQUIRED: the caller's transaction when it has one (a request never holds two connections; the row
		// stays locked until the caller commits, and a rollback gives the token back), else one of its own.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public RateLimiter.Decision take(String key, int capacity, Duration per, Instant now) {
		String stored = stored(key);
		boolean joinable = TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (joinable) {
			// Inside the caller's read-write transaction: no second connection, and nothing to retry (the row is
			// made without a duplicate-key failure, below).
			return this.ownTransaction.execute(status -> takeInTransaction(stored, capacity, per, now));
		}
		// No transaction, or a read-only one (which cannot lock or write the row): a transaction of its own.
		for (int attempt = 1;; attempt++) {
			try {
				return this.newTransaction.execute(status -> takeInTransaction(stored, capacity, per, now));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private RateLimiter.Decision takeInTransaction(String key, int capacity, Duration per, Instant now) {
		if (dialect() == Dialect.MARIADB) {
			// InnoDB: a locking read of a missing row takes a gap lock, which every concurrent caller gets too and
			// none can then insert past (a deadlock when twenty callers make the same bucket at once). An upsert
			// that changes nothing makes the row or takes its exclusive lock, with no gap lock and no shared lock
			// to upgrade; the locking read below then finds the row already held.
			RateLimiter.Bucket full = RateLimiter.Bucket.full(capacity, now);
			this.jdbc.sql("INSERT INTO rate_limit_buckets (bucket_key, tokens, refilled_at, full_at) VALUES (:key, :tokens, :at, :full)"
					+ " ON DUPLICATE KEY UPDATE bucket_key = bucket_key")
				.param("key", key)
				.param("tokens", full.tokens())
				.param("at", LocalDateTime.ofInstant(full.refilledAt(), ZoneOffset.UTC))
				.param("full", LocalDateTime.ofInstant(full.fullAt(capacity, per), ZoneOffset.UTC))
				.update();
		}
		Optional<RateLimiter.Bucket> existing = lock(key);
		if (existing.isEmpty()) {
			insertIfAbsent(key, RateLimiter.Bucket.full(capacity, now), capacity, per);
			existing = lock(key);
		}
		RateLimiter.Taken taken = RateLimiter.Bucket.take(existing.orElse(RateLimiter.Bucket.full(capacity, now)),
				capacity, per, now);
		RateLimiter.Bucket after = taken.after();
		this.jdbc.sql("UPDATE rate_limit_buckets SET tokens = :tokens, refilled_at = :at, full_at = :full WHERE bucket_key = :key")
			.param("key", key)
			.param("tokens", after.tokens())
			.param("at", LocalDateTime.ofInstant(after.refilledAt(), ZoneOffset.UTC))
			.param("full", LocalDateTime.ofInstant(after.fullAt(capacity, per), ZoneOffset.UTC))
			.update();
		return taken.decision();
	}

	private Optional<RateLimiter.Bucket> lock(String key) {
		return this.jdbc.sql("SELECT tokens, refilled_at FROM rate_limit_buckets WHERE bucket_key = :key FOR UPDATE")
			.param("key", key)
			.query((rs, n) -> new RateLimiter.Bucket(rs.getDouble(1),
					rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
			.optional();
	}

	/**
	 * Makes the bucket's row if no other call has: PostgreSQL with {@code ON CONFLICT DO NOTHING} (a failed
	 * statement would end its whole transaction), H2 by ignoring the duplicate key (only the statement fails
	 * there). MariaDB has made the row already, with its upsert.
	 */
	private void insertIfAbsent(String key, RateLimiter.Bucket full, int capacity, Duration per) {
		String sql = "INSERT INTO rate_limit_buckets (bucket_key, tokens, refilled_at, full_at) VALUES (:key, :tokens, :at, :full)";
		boolean postgres = dialect() == Dialect.POSTGRESQL;
		if (postgres) {
			sql += " ON CONFLICT (bucket_key) DO NOTHING";
		}
		try {
			this.jdbc.sql(sql)
				.param("key", key)
				.param("tokens", full.tokens())
				.param("at", LocalDateTime.ofInstant(full.refilledAt(), ZoneOffset.UTC))
				.param("full", LocalDateTime.ofInstant(full.fullAt(capacity, per), ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			if (postgres) {
				throw ex;
			}
			// Another call made it first: this one waits for its lock next.
		}
	}

	private Dialect dialect() {
		Dialect known = this.dialect;
		if (known == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
				known = product.contains("postgres") ? Dialect.POSTGRESQL
						: (product.contains("mariadb") || product.contains("mysql")) ? Dialect.MARIADB : Dialect.OTHER;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot tell which database this is", ex);
			}
			this.dialect = known;
		}
		return known;
	}

	private enum Dialect {

		POSTGRESQL, MARIADB, OTHER

	}

	/** Forgets the buckets that are full again. */
	@Scheduled(fixedDelayString = "${mentorhub.platform.rate-limits.cleanup-interval:PT5M}",
			initialDelayString = "${mentorhub.platform.rate-limits.cleanup-interval:PT5M}")
	@SchedulerLock(name = "platform-rate-limit-cleanup", lockAtMostFor = "PT5M")
	void forgetFullBuckets() {
		this.jdbc.sql("DELETE FROM rate_limit_buckets WHERE full_at < :now")
			.param("now", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/** The key as stored: no NUL (PostgreSQL refuses it in text), and at most {@link #MAX_KEY} characters. */
	static String stored(String key) {
		String plain = key.replace('\u0000', '|');
		if (plain.length() <= MAX_KEY) {
			return plain;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
