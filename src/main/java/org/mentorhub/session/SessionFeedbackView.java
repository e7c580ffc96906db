package org.mentorhub.session;

import java.time.Instant;

/** One feedback, as its reader may see it. */
public record SessionFeedbackView(long id, long sessionId, long giverId, String giverName, Long recipientId,
		String type, int rating, String comments, String visibility, Instant createdAt) {
}
