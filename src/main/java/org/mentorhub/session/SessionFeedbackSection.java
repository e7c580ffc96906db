package org.mentorhub.session;

import java.time.Instant;
import java.util.List;

/**
 * The feedback of one session, as the caller may see it.
 *
 * @param participant whether the caller is the mentor or mentee (else a coordinator or administrator)
 * @param mine the caller's own feedback, or null
 * @param theirs the other participant's shared feedback, once revealed, or null
 * @param theirsWaiting the other participant has given shared feedback that is not revealed yet
 * @param canGive the caller may give feedback now (a participant of a completed session without one)
 * @param revealAt when the other's shared feedback is revealed at the latest (null until completed)
 * @param all every feedback of the session (coordinators and administrators only; empty for participants)
 * @param types the types the caller may choose
 */
public record SessionFeedbackSection(long sessionId, String sessionTitle, String sessionStatus, boolean participant,
		SessionFeedbackView mine, SessionFeedbackView theirs, boolean theirsWaiting, boolean canGive, Instant revealAt,
		List<SessionFeedbackView> all, List<String> types) {
}
