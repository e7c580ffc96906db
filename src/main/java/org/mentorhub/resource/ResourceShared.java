package org.mentorhub.resource;

import java.time.Instant;

/**
 * A mentor shared a published resource with one of their active mentees (who is notified).
 * @param note the mentor's words, possibly empty (plain text)
 */
public record ResourceShared(long resourceId, long institutionId, String title, long mentorId, String mentorName,
		long menteeId, String note, Instant at) {
}
