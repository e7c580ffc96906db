package org.mentorhub.support;

import java.time.Instant;
import java.util.List;

/** An institution administrator escalated an issue to the platform; {@code recipientIds} are the platform administrators. */
public record IssueEscalated(long issueId, long institutionId, String title, long escalatedById,
		List<Long> recipientIds, Instant at) {
}
