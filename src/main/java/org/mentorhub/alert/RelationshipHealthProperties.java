package org.mentorhub.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The defaults of relationship health ({@code mentorhub.alert.health}); an institution may set its own
 * cadence and escalation delay (relationship_health_settings).
 * @param expectedDays one completed session is expected every so many days (14)
 * @param escalateAfterDays a nudged pair still stalled so many days later is escalated to the coordinator (7)
 * @param unansweredDays a session request or proposal waiting longer than this is left unanswered (3)
 * @param windowDays no-shows, cancellations and ratings count over the last so many days (90)
 */
@ConfigurationProperties("mentorhub.alert.health")
public record RelationshipHealthProperties(Integer expectedDays, Integer escalateAfterDays, Integer unansweredDays,
		Integer windowDays) {

	public RelationshipHealthProperties {
		expectedDays = expectedDays == null ? 14 : expectedDays;
		escalateAfterDays = escalateAfterDays == null ? 7 : escalateAfterDays;
		unansweredDays = unansweredDays == null ? 3 : unansweredDays;
		windowDays = windowDays == null ? 90 : windowDays;
	}

	Duration window() {
		return Duration.ofDays(this.windowDays);
	}

}
