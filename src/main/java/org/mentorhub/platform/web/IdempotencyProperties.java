package org.mentorhub.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code Idempotency-Key} mechanism of API POSTs (docs/api.md, QUALITY R3).
 *
 * @param retention how long a key and its stored answer are kept; a retry after that runs again
 * @param waitFor how long a retry waits for the first request with its key to finish before it gets 409
 * @param abandonedAfter a key still in progress after this long is taken to be left by a crashed instance
 *        and is taken over by the next request with it
 */
@ConfigurationProperties("mentorhub.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("10s") Duration waitFor,
		@DefaultValue("2m") Duration abandonedAfter) {
}
