package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * A mentorship as pages, the API and other modules see it (ids, names, the seed columns). Times are
 * UTC. {@code version} is what a client sends back to change it without overwriting a concurrent
 * change.
 */
public record MentorshipView(long id, long institutionId, Long departmentId, long mentorId, String mentorName,
		long menteeId, String menteeName, MentorshipStatus status, String goal, String notes, Integer preferenceRank,
		Long requestedById, Long assignedById, Long decidedById, Instant decidedAt, String decisionReason,
		Instant assignedAt, Instant pausedAt, Instant endedAt, String endReason, Instant createdAt, Instant updatedAt,
		long version) {
}
