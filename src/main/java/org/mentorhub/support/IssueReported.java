package org.mentorhub.support;

import java.time.Instant;
import java.util.List;

/** An issue was reported (by hand or from an abuse report); {@code recipientIds} are the institution's administrators. */
public record IssueReported(long issueId, long institutionId, Long reporterId, String title, IssueCategory category,
		List<Long> recipientIds, Instant at) {
}
