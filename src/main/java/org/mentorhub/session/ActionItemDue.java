package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published by the action item reminder job ({@link ActionItemReminders}) for an open item with an
 * assignee and a due date: once when it is due within the next two days in the assignee's time zone
 * ({@code overdue} false), and once when that day has passed ({@code overdue} true). Each one is
 * published at most once per item, kind and due date, even when several instances run the job.
 * @param actionItemId the item
 * @param sessionId its session
 * @param assigneeId who must do it
 * @param title the item's title
 * @param dueDate its due date
 * @param overdue false for due soon, true for overdue
 * @param occurredAt when the job found it
 */
public record ActionItemDue(long actionItemId, long sessionId, long assigneeId, String title, LocalDate dueDate,
		boolean overdue, Instant occurredAt) {
}
