package org.mentorhub.alert;

import java.time.Instant;
import java.util.List;

/**
 * The relationship health of one active mentorship, as the job last computed it, with its reasons in
 * words and the steps of its escalation. {@code escalatedAt} and {@code alertId} (the coordinator's
 * ENGAGEMENT alert) are shown to the coordinators and administrators only, null for the pair.
 */
public record RelationshipHealthView(long mentorshipId, long mentorId, String mentorName, long menteeId,
		String menteeName, RelationshipHealthStatus health, List<String> reasons, Instant computedAt,
		Instant stalledSince, Instant nudgedAt, Instant escalateAt, Instant escalatedAt, Long alertId) {

	RelationshipHealthView forThePair() {
		return new RelationshipHealthView(this.mentorshipId, this.mentorId, this.mentorName, this.menteeId,
				this.menteeName, this.health, this.reasons, this.computedAt, this.stalledSince, this.nudgedAt,
				this.escalateAt, null, null);
	}

}
