package org.mentorhub.notification.email;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes read notifications whose read time is older than {@code mentorhub.notification.retention}
 * (180 days by default); unread ones are kept whatever their age. The job runs once per cluster
 * (ShedLock) and deletes in bounded batches, each its own statement and transaction: the ids first
 * (index {@code (read_at)}), then those rows by id, since MariaDB cannot take a LIMIT inside an
 * {@code IN} subquery.
 */
@Component
class NotificationPurge {

	private static final Logger log = LoggerFactory.getLogger(NotificationPurge.class);

	private final JdbcClient jdbc;

	private final NotificationMailProperties properties;

	private final Clock clock;

	NotificationPurge(JdbcClient jdbc, NotificationMailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mentorhub.notification.purge.interval:PT1H}",
			initialDelayString = "${mentorhub.notification.purge.initial-delay:PT5M}")
	@SchedulerLock(name = "notification-purge", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
	void run() {
		int purged = purge();
		if (purged > 0) {
			log.info("Purged {} read notifications", purged);
		}
	}

	/** Deletes read notifications past the retention period, at most a run's batches; returns how many. */
	int purge() {
		LocalDateTime before = LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		int batch = this.properties.purge().batch();
		int purged = 0;
		for (int i = 0; i < this.properties.purge().maxBatches(); i++) {
			List<Long> ids = this.jdbc.sql("SELECT id FROM notifications WHERE read_at < :before LIMIT :limit")
				.param("before", before)
				.param("limit", batch)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			purged += this.jdbc.sql("DELETE FROM notifications WHERE id IN (:ids) AND read_at < :before")
				.param("ids", ids)
				.param("before", before)
				.update();
			if (ids.size() < batch) {
				break;
			}
		}
		return purged;
	}

}
