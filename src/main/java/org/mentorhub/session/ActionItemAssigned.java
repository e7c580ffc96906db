package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when an action item was given to someone other than the person who made the change: created
 * with that assignee, or its assignee changed to them. Published in the transaction of the change and
 * delivered to {@code @ApplicationModuleListener}s after the commit. The title is not private; the
 * description is left out.
 * @param actionItemId the item
 * @param sessionId its session
 * @param mentorshipId the session's mentorship
 * @param assigneeId who must do it (the mentor or the mentee of the session)
 * @param actorId the participant who created or changed it
 * @param title the item's title
 * @param dueDate its due date, or null
 * @param occurredAt when it happened
 */
public record ActionItemAssigned(long actionItemId, long sessionId, long mentorshipId, long assigneeId, Long actorId,
		String title, LocalDate dueDate, Instant occurredAt) {
}
