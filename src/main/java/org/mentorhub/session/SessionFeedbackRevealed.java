package org.mentorhub.session;

import java.time.Instant;

/**
 * Published when a participant's shared feedback became readable to the other participant: when the
 * recipient gave their own feedback (then the event goes to the giver's feedback only if the
 * recipient is not the one who just gave it, see docs/sessions.md), when it was given to someone who
 * has already given theirs, or when the reveal deadline passed ({@link FeedbackReveals}). Once per
 * feedback. It carries no rating and no comments.
 * @param sessionId the session
 * @param mentorshipId the session's mentorship
 * @param recipientId who can now read the feedback
 * @param giverId who gave it
 * @param occurredAt when it became readable
 */
public record SessionFeedbackRevealed(long sessionId, long mentorshipId, long recipientId, long giverId,
		Instant occurredAt) {
}
