package org.mentorhub.support;

import java.time.Instant;

/** One message of an issue's thread: plain text; {@code internal} notes reach staff only. */
public record IssueMessageView(long id, Long authorId, String authorName, boolean fromStaff, String message,
		boolean internal, Instant createdAt) {
}
