package org.mentorhub.privacy.export;

import java.util.List;

import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long downloads of personal data are kept, as two rules of the privacy module's provider, enforced by
 * the one retention purge (docs/privacy.md, "Retention"): the ZIP of a download not taken is removed once it
 * has been ready for the period (1 day by default, the link's {@link DataExports#AVAILABLE_FOR}), and the
 * record of a finished download is deleted after 30 days (who asked when stays in the audit log). Both are
 * idempotent: a second run finds nothing to do.
 */
@Component
public class DataExportRetention {

	/** The ZIPs of downloads not taken. */
	public static final String ZIPS = "data-export-zips";

	/** The records of finished downloads. */
	public static final String RECORDS = "data-export-records";

	private final JdbcClient jdbc;

	DataExportRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Expires the downloads ready before the cut-off: the ZIP goes, the record stays. */
	int expire(java.time.LocalDateTime cutoff) {
		return this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'EXPIRED', content = NULL
				WHERE status = 'READY' AND ready_at <= :cutoff""")
			.param("cutoff", cutoff)
			.update();
	}

	/** Deletes the records of downloads finished (or failed) and asked for before the cut-off. */
	int forget(java.time.LocalDateTime cutoff) {
		return RetentionRule.deleteInBatches(this.jdbc, "privacy_exports",
				"status <> 'BUILDING' AND created_at < :cutoff", cutoff, 1_000, 100);
	}

}
