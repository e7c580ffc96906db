package org.mentorhub.session;

import java.time.Instant;

/**
 * Published when a participant's shared feedback became readable to the other participant (its
 * recipient), once per feedback: when it is given to someone who has given theirs already or after the
 * reveal deadline ({@link SessionFeedbacks#give}), or when the deadline passes later
 * ({@link FeedbackReveals}). Not published when the recipient is the one whose own feedback just made it
 * readable: they read it in the answer to that request. It carries no rating and no comments.
 * @param sessionId the session
 * @param mentorshipId the session's mentorship
 * @param recipientId who can now read the feedback
 * @param giverId who gave it
 * @param occurredAt when it became readable
 */
public record SessionFeedbackRevealed(long sessionId, long mentorshipId, long recipientId, long giverId,
		Instant occurredAt) {
}
