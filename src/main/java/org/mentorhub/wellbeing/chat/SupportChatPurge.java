package org.mentorhub.wellbeing.chat;

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
 * Deletes support-chat messages older than {@code mentorhub.wellbeing.chat.retention} (30 days by
 * default), once per cluster (the platform's scheduling with ShedLock), in bounded batches of ids
 * (index {@code (created_at)}), each its own statement, so that it never holds a long lock. Idempotent:
 * a second run finds nothing to do. Logs only a count.
 */
@Component
class SupportChatPurge {

	private static final Logger log = LoggerFactory.getLogger(SupportChatPurge.class);

	static final int MAX_BATCHES = 200;

	private final JdbcClient jdbc;

	private final SupportChatProperties properties;

	private final Clock clock;

	SupportChatPurge(JdbcClient jdbc, SupportChatProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mentorhub.wellbeing.chat.purge-interval:PT1H}",
			initialDelayString = "${mentorhub.wellbeing.chat.purge-initial-delay:PT6M}")
	@SchedulerLock(name = "support-chat-purge", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
	void run() {
		int purged = purge();
		if (purged > 0) {
			log.info("Purged {} support-chat messages past their retention", purged);
		}
	}

	/** Deletes the messages past the retention period; returns how many. */
	int purge() {
		LocalDateTime before = LocalDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		int batch = this.properties.purgeBatch();
		int purged = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			List<Long> ids = this.jdbc.sql("SELECT id FROM support_chat_messages WHERE created_at < :before LIMIT :limit")
				.param("before", before)
				.param("limit", batch)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			purged += this.jdbc.sql("DELETE FROM support_chat_messages WHERE id IN (:ids) AND created_at < :before")
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
