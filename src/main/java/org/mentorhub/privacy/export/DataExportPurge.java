package org.mentorhub.privacy.export;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the ZIPs of downloads not taken within their time (EXPIRED), and forgets downloads after
 * {@link #KEPT_FOR} (the record of who asked when stays in the audit log), once per cluster (ShedLock).
 * Idempotent: a second run finds nothing to do.
 */
@Component
class DataExportPurge {

	private static final Logger log = LoggerFactory.getLogger(DataExportPurge.class);

	/** How long the record of a finished download stays on the person's page. */
	static final Duration KEPT_FOR = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	DataExportPurge(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mentorhub.privacy.export-purge-interval:PT15M}",
			initialDelayString = "${mentorhub.privacy.export-purge-initial-delay:PT3M}")
	@SchedulerLock(name = "privacy-export-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void run() {
		int purged = purge();
		if (purged > 0) {
			log.info("Removed {} expired or old downloads of personal data", purged);
		}
	}

	/** Expires the ZIPs past their time and deletes old records; returns how many rows changed. */
	@Transactional
	int purge() {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int expired = this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'EXPIRED', content = NULL
				WHERE status = 'READY' AND expires_at <= :now""")
			.param("now", now)
			.update();
		int deleted = this.jdbc.sql("DELETE FROM privacy_exports WHERE status <> 'BUILDING' AND created_at < :before")
			.param("before", now.minus(KEPT_FOR))
			.update();
		return expired + deleted;
	}

}
