package org.mentorhub.support;

import java.time.Instant;

/** An issue got an assignee from a member of staff. */
public record IssueAssigned(long issueId, String title, long assigneeId, long assignedById, Instant at) {
}
