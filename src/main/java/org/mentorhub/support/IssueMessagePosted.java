package org.mentorhub.support;

import java.time.Instant;
import java.util.List;

/**
 * A message was added to an issue's thread. It never carries the text. For an {@code internal} note the
 * recipients are staff only (the assignee, never the reporter); otherwise they are the other side of the
 * author.
 */
public record IssueMessagePosted(long issueId, long messageId, String title, long authorId, boolean internal,
		List<Long> recipientIds, Instant at) {
}
