package org.mentorhub.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes direct messages older than {@code mentorhub.messaging.retention-days} (off, 0, by default),
 * once per cluster (ShedLock), in bounded batches: the ids first (index on created_at), then those rows.
 */
@Component
class MessageRetention {

	static final int BATCH = 1_000;

	static final int MAX_BATCHES = 100;

	private final JdbcClient jdbc;

	private final MessagingProperties properties;

	private final Clock clock;

	MessageRetention(JdbcClient jdbc, MessagingProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mentorhub.messaging.purge-interval:PT6H}",
			initialDelayString = "${mentorhub.messaging.purge-initial-delay:PT9M}")
	@SchedulerLock(name = "messaging-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
	void run() {
		purge();
	}

	/** Deletes the messages past the retention period; returns how many (0 when retention is off). */
	int purge() {
		if (this.properties.retentionDays() <= 0) {
			return 0;
		}
		LocalDateTime before = LocalDateTime.ofInstant(
				this.clock.instant().minus(Duration.ofDays(this.properties.retentionDays())), ZoneOffset.UTC);
		int purged = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			List<Long> ids = this.jdbc.sql("SELECT id FROM direct_messages WHERE created_at < :before LIMIT :limit")
				.param("before", before)
				.param("limit", BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			purged += this.jdbc.sql("DELETE FROM direct_messages WHERE id IN (:ids)").param("ids", ids).update();
			if (ids.size() < BATCH) {
				break;
			}
		}
		return purged;
	}

}
