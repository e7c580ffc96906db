package org.mentorhub.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How incomplete event publications are retried ({@code mentorhub.platform.events.*}).
 *
 * @param resubmitInterval how long after one resubmission run the next starts
 * @param resubmitInitialDelay how long after start-up the first run starts (the start-up resubmission)
 * @param resubmitOlderThan only publications at least this old are resubmitted, so that a listener
 * still running on some instance for a fresh event is not started a second time
 */
@ConfigurationProperties("mentorhub.platform.events")
public record EventRetryProperties(@DefaultValue("PT5M") Duration resubmitInterval,
		@DefaultValue("PT30S") Duration resubmitInitialDelay, @DefaultValue("PT1M") Duration resubmitOlderThan) {
}
