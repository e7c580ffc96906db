package org.mentorhub.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alert module's settings ({@code mentorhub.alert}): how long an alert of each severity may stay
 * unacknowledged before it is escalated, and how often the escalation job looks.
 */
@ConfigurationProperties("mentorhub.alert")
public record AlertProperties(Duration criticalResponse, Duration warnResponse, Duration infoResponse) {

	public AlertProperties {
		criticalResponse = criticalResponse == null ? Duration.ofHours(4) : criticalResponse;
		warnResponse = warnResponse == null ? Duration.ofHours(48) : warnResponse;
		infoResponse = infoResponse == null ? Duration.ofDays(7) : infoResponse;
	}

	/** The response time of a severity. */
	public Duration responseTime(AlertSeverity severity) {
		return switch (severity) {
			case CRITICAL -> this.criticalResponse;
			case WARN -> this.warnResponse;
			case INFO -> this.infoResponse;
		};
	}

}
