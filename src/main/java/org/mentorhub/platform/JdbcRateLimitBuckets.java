package org.mentorhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate-limit buckets in the {@code rate_limit_buckets} table (V90): each call reads its bucket's row with
 * {@code SELECT ... FOR UPDATE} and writes it back in a transaction of its own, so that concurrent calls on
 * any number of instances take tokens one after another and together get exactly the configured capacity.
 * Two first calls racing to insert the row, or a deadlock, make one of them start again. Rows of buckets
 * that are full again are deleted every few minutes, once per cluster: a missing bucket is a full one.
 */
class JdbcRateLimitBuckets implements RateLimitBuckets {

	/** How many times a call starts again after losing a race for its row. */
	static final int ATTEMPTS = 5;

	/** Keys longer than this are stored as their SHA-256. */
	static final int MAX_KEY = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	JdbcRateLimitBuckets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public RateLimiter.Decision take(String key, int capacity, Duration per, Instant now) {
		String stored = stored(key);
		for (int attempt = 1;; attempt++) {
			try {
				return this.ownTransaction.execute(status -> takeInTransaction(stored, capacity, per, now));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private RateLimiter.Decision takeInTransaction(String key, int capacity, Duration per, Instant now) {
		Optional<RateLimiter.Bucket> existing = this.jdbc
			.sql("SELECT tokens, refilled_at FROM rate_limit_buckets WHERE bucket_key = :key FOR UPDATE")
			.param("key", key)
			.query((rs, n) -> new RateLimiter.Bucket(rs.getDouble(1),
					rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
			.optional();
		RateLimiter.Taken taken = RateLimiter.Bucket.take(existing.orElse(RateLimiter.Bucket.full(capacity, now)),
				capacity, per, now);
		RateLimiter.Bucket after = taken.after();
		String sql = existing.isEmpty()
				? "INSERT INTO rate_limit_buckets (bucket_key, tokens, refilled_at, full_at) VALUES (:key, :tokens, :at, :full)"
				: "UPDATE rate_limit_buckets SET tokens = :tokens, refilled_at = :at, full_at = :full WHERE bucket_key = :key";
		this.jdbc.sql(sql)
			.param("key", key)
			.param("tokens", after.tokens())
			.param("at", LocalDateTime.ofInstant(after.refilledAt(), ZoneOffset.UTC))
			.param("full", LocalDateTime.ofInstant(after.fullAt(capacity, per), ZoneOffset.UTC))
			.update();
		return taken.decision();
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
