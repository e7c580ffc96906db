package org.mentorhub.privacy.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.attachment.PrivateArchives;
import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long downloads of personal data are kept, as two rules of the privacy module's provider, enforced by
 * the one retention purge (docs/privacy.md, "Retention"): the ZIP of a download not taken is removed once it
 * has been ready for the period (1 day by default, the link's {@link DataExports#AVAILABLE_FOR}), and the
 * record of a finished download is deleted after 30 days (who asked when stays in the audit log). Both are
 * idempotent: a second run finds nothing to do. The ZIPs are in the file store
 * ({@link PrivateArchives}) under the key the row keeps ({@code archive_key}): a rule deletes the stored ZIP
 * first and clears the key only once the store answered that it is gone, so a ZIP the store failed to delete
 * is tried again at the next run. The ZIP rule also removes the ZIP of a download taken more than the period
 * ago whose stream was never closed (the client went away before the response started), and of a failed or
 * expired one that still has one. The erasure of a person deletes their downloads with their ZIPs
 * ({@link #erase}).
 */
@Component
public class DataExportRetention {

	/** The ZIPs of downloads not taken. */
	public static final String ZIPS = "data-export-zips";

	/** The records of finished downloads. */
	public static final String RECORDS = "data-export-records";

	/** Rows per statement that names them by id. */
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final PrivateArchives archives;

	DataExportRetention(JdbcClient jdbc, PrivateArchives archives) {
		this.jdbc = jdbc;
		this.archives = archives;
	}

	/** The two rules, for the privacy module's provider. */
	public List<RetentionRule> rules() {
		return List.of(RetentionRule.purged(ZIPS, "privacy",
				"The ZIP of a download of personal data not taken: removed once it has been ready this long (its link "
						+ "works 24 hours whatever the period).",
				(int) DataExports.AVAILABLE_FOR.toDays(), this::expire),
				RetentionRule.purged(RECORDS, "privacy",
						"The record of a finished download of personal data (when it was asked for, its state and size).",
						30, this::forget));
	}

	/**
	 * Expires the downloads ready before the cut-off: the stored ZIP goes, the record stays (EXPIRED). Also
	 * removes the ZIPs left behind by downloads taken before the cut-off and by failed or expired ones.
	 */
	int expire(LocalDateTime cutoff) {
		List<Stored> due = this.jdbc.sql("""
				SELECT id, archive_key FROM privacy_exports
				WHERE (status = 'READY' AND ready_at <= :cutoff)
				   OR (archive_key IS NOT NULL
				       AND ((status = 'DOWNLOADED' AND downloaded_at <= :cutoff) OR status IN ('EXPIRED', 'FAILED')))
				ORDER BY id""")
			.param("cutoff", cutoff)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
			.list();
		int changed = 0;
		for (List<Long> ids : batches(removeArchives(due))) {
			changed += this.jdbc.sql("""
					UPDATE privacy_exports
					SET status = CASE WHEN status = 'READY' THEN 'EXPIRED' ELSE status END, archive_key = NULL
					WHERE id IN (:ids)""")
				.param("ids", ids)
				.update();
		}
		return changed;
	}

	/** Deletes the records of downloads finished (or failed) and asked for before the cut-off, with their ZIPs. */
	int forget(LocalDateTime cutoff) {
		List<Stored> stored = this.jdbc.sql("""
				SELECT id, archive_key FROM privacy_exports
				WHERE status <> 'BUILDING' AND created_at < :cutoff AND archive_key IS NOT NULL ORDER BY id""")
			.param("cutoff", cutoff)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
			.list();
		clearKeys(removeArchives(stored));
		// A record whose ZIP the store failed to delete stays, with its key, until a later run.
		return RetentionRule.deleteInBatches(this.jdbc, "privacy_exports",
				"status <> 'BUILDING' AND created_at < :cutoff AND archive_key IS NULL", cutoff, 1_000, 100);
	}

	/**
	 * The erasure of a person (the privacy provider's {@code privacy_exports}): deletes the stored ZIPs of their
	 * downloads, then the rows. Fails, so that the erasure job fails and is retried, when the store could not
	 * delete a ZIP: an erasure never leaves one behind without its key.
	 */
	public int erase(long userId) {
		List<Stored> stored = this.jdbc.sql("""
				SELECT id, archive_key FROM privacy_exports WHERE user_id = :u AND archive_key IS NOT NULL ORDER BY id""")
			.param("u", userId)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
			.list();
		if (removeArchives(stored).size() < stored.size()) {
			throw new IllegalStateException("The file store could not delete the ZIP of a download; the erasure is retried.");
		}
		return this.jdbc.sql("DELETE FROM privacy_exports WHERE user_id = :u").param("u", userId).update();
	}

	/** A download and the key of its stored ZIP (null when it has none). */
	private record Stored(long id, String archiveKey) {
	}

	/** Deletes the stored ZIPs; returns the ids of the downloads that have none now. */
	private List<Long> removeArchives(List<Stored> downloads) {
		List<Long> gone = new ArrayList<>(downloads.size());
		for (Stored download : downloads) {
			if (download.archiveKey() == null || this.archives.delete(download.archiveKey())) {
				gone.add(download.id());
			}
		}
		return gone;
	}

	private void clearKeys(List<Long> ids) {
		for (List<Long> batch : batches(ids)) {
			this.jdbc.sql("UPDATE privacy_exports SET archive_key = NULL WHERE id IN (:ids)").param("ids", batch).update();
		}
	}

	private static List<List<Long>> batches(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
		}
		return batches;
	}

}
