package org.mentorhub.platform.privacy;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One kind of data a module keeps for a limited time (docs/privacy.md, "Retention"). The privacy module's
 * one purge job asks each provider for its rules, reads the period an administrator set (or the default),
 * and calls {@link #purge} with the cut-off; a rule without a purge is shown but not enforced by the job.
 * @param key a unique, stable name (the settings row), such as {@code support-chat}
 * @param module the module word of the provider that declares it
 * @param holds what the rule removes, in words
 * @param defaultDays the period when no administrator changed it, in days; null keeps the data for ever
 * @param purge deletes the rows older than the cut-off, idempotently; null when the job never deletes this
 * data (the audit log, shared records): the page says why
 * @param notPurgedBecause why there is no purge (null when there is one)
 */
public record RetentionRule(String key, String module, String holds, Integer defaultDays, Purge purge,
		String notPurgedBecause) {

	/** The most days a period may have (100 years). */
	public static final int MAX_DAYS = 36_500;

	public RetentionRule {
		if (key == null || !key.matches("[a-z][a-z0-9-]{1,62}")) {
			throw new IllegalArgumentException("a retention key is lower-case words with dashes: " + key);
		}
		if (defaultDays != null && (defaultDays < 1 || defaultDays > MAX_DAYS)) {
			throw new IllegalArgumentException("a retention period is 1 to " + MAX_DAYS + " days: " + key);
		}
		if ((purge == null) == (notPurgedBecause == null)) {
			throw new IllegalArgumentException("a retention rule has a purge or says why not: " + key);
		}
	}

	/** A rule the purge job enforces. */
	public static RetentionRule purged(String key, String module, String holds, Integer defaultDays, Purge purge) {
		return new RetentionRule(key, module, holds, defaultDays, purge, null);
	}

	/** A rule that is shown but never enforced by the purge job, and why. */
	public static RetentionRule notPurged(String key, String module, String holds, Integer defaultDays,
			String because) {
		return new RetentionRule(key, module, holds, defaultDays, null, because);
	}

	/** Whether the purge job enforces the rule (and an administrator may change its period). */
	public boolean enforced() {
		return this.purge != null;
	}

	/** Deletes what is older than the cut-off (UTC); returns how many rows it removed. */
	@FunctionalInterface
	public interface Purge {

		int purge(LocalDateTime cutoff);

	}

	/**
	 * The usual purge: deletes the rows of one table whose condition holds, in bounded batches (the ids
	 * first, then those rows by id, since MariaDB cannot take a LIMIT inside an IN subquery), each its
	 * own statement, so that it never holds a long lock. The condition uses the parameter
	 * {@code :cutoff}, such as {@code read_at < :cutoff}. Returns how many rows it deleted.
	 */
	public static int deleteInBatches(JdbcClient jdbc, String table, String condition, LocalDateTime cutoff,
			int batch, int maxBatches) {
		int purged = 0;
		for (int i = 0; i < maxBatches; i++) {
			List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE " + condition + " LIMIT :limit")
				.param("cutoff", cutoff)
				.param("limit", batch)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			purged += jdbc.sql("DELETE FROM " + table + " WHERE id IN (:ids) AND " + condition)
				.param("ids", ids)
				.param("cutoff", cutoff)
				.update();
			if (ids.size() < batch) {
				break;
			}
		}
		return purged;
	}

}
