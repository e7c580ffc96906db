package org.mentorhub.support;

import java.time.Instant;
import java.util.List;

/**
 * An issue moved from one status to another; {@code recipientIds} are the other side of whoever moved it
 * (the reporter when staff moved it, else the assignee or, with none, the administrators).
 */
public record IssueStatusChanged(long issueId, String title, IssueStatus from, IssueStatus to, long actorId,
		List<Long> recipientIds, Instant at) {
}
