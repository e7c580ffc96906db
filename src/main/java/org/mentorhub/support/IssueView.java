package org.mentorhub.support;

import java.time.Instant;
import java.util.List;

/**
 * An issue as its reader sees it: reporter and assignee names (from identity), the page it was reported
 * from, escalation, the first response and resolution times in seconds (null until they happen),
 * {@code actions}, the transitions the reader may take now, and {@code staff}, whether the reader handles
 * it (and so sees internal notes, assigns and answers as staff). Title and description are plain text,
 * escaped wherever they are shown. For an abuse report, {@code itemKind} and {@code itemId} name the
 * reported item and {@code reportedUserId} its author.
 */
public record IssueView(long id, long institutionId, Long reporterId, String reporterName, String title,
		String description, IssueCategory category, IssueStatus status, Long assigneeId, String assigneeName,
		String pagePath, Instant escalatedAt, Instant firstResponseAt, Long firstResponseSeconds, Instant resolvedAt,
		Long resolutionSeconds, Instant closedAt, Instant createdAt, Instant updatedAt, long version, String itemKind,
		Long itemId, Long reportedUserId, List<IssueStatus.Action> actions, boolean staff, boolean mayEscalate) {

	/** The first response time as people read it; empty until staff answered. */
	public String firstResponseTime() {
		return span(this.firstResponseSeconds);
	}

	/** The resolution time as people read it; empty until it is resolved. */
	public String resolutionTime() {
		return span(this.resolutionSeconds);
	}

	/** A span of seconds as people read it (3 d 4 h, 2 h 5 min, 12 min, under a minute); empty for null. */
	public static String span(Number seconds) {
		if (seconds == null) {
			return "";
		}
		long s = Math.round(seconds.doubleValue());
		long days = s / 86_400;
		long hours = (s % 86_400) / 3_600;
		long minutes = (s % 3_600) / 60;
		if (days > 0) {
			return days + " d " + hours + " h";
		}
		if (hours > 0) {
			return hours + " h " + minutes + " min";
		}
		return minutes > 0 ? minutes + " min" : "under a minute";
	}

}
