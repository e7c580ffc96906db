package org.mentorhub.notification.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream of new notifications ({@code mentorhub.notification.live.*}, docs/notifications-live.md).
 *
 * @param pollInterval how long each instance waits between two looks for new notifications, while it
 * has open streams
 * @param rescanWindow how far back each look reaches again (as the high-water mark was that long ago),
 * so that a notification whose transaction committed after one with a higher id is not lost
 * @param heartbeat how often an open stream gets a comment line, so that proxies keep it open
 * @param timeout how long one stream stays open; the browser's EventSource then opens the next
 * @param maxPerUser open streams per person on one instance; the oldest is closed when one more opens
 * @param maxPerInstance open streams on one instance; beyond it a new one answers 503
 * @param replayLimit the most notifications sent again after {@code Last-Event-ID} on a reconnect
 * @param batchSize rows read per query of the poll
 */
@ConfigurationProperties("mentorhub.notification.live")
record LiveProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("10s") Duration rescanWindow,
		@DefaultValue("20s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
		@DefaultValue("5") int maxPerUser, @DefaultValue("1000") int maxPerInstance,
		@DefaultValue("50") int replayLimit, @DefaultValue("500") int batchSize) {

	LiveProperties {
		if (maxPerUser < 1 || maxPerInstance < 1 || replayLimit < 0 || batchSize < 1) {
			throw new IllegalArgumentException("mentorhub.notification.live: the limits must be positive");
		}
	}

}
