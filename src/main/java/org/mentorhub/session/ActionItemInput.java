package org.mentorhub.session;

/**
 * What a participant sends to create or change an action item. Texts as typed; the service checks them.
 *
 * @param dueDate ISO date ({@code 2026-05-31}), optional
 * @param status PENDING (default), IN_PROGRESS or COMPLETED
 */
public record ActionItemInput(String title, String description, Long assigneeId, String dueDate, String status) {
}
