package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item of a session, as a participant sees it.
 *
 * @param overdue the due date is before today in the viewer's time zone and the item is not completed
 * @param version the version to send back with a change (optimistic locking)
 */
public record ActionItemView(long id, long sessionId, String sessionTitle, String title, String description,
		Long assigneeId, String assigneeName, LocalDate dueDate, ActionItemStatus status, boolean overdue,
		Instant completedAt, Instant updatedAt, long version) {
}
