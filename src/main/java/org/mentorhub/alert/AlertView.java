package org.mentorhub.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert as its readers see it: the student, the case's state and people (names from identity), and
 * {@code actions}, what the caller may do with it now (empty for whoever may only read it). The message
 * and notes are plain text, escaped wherever they are shown.
 */
public record AlertView(long id, long studentId, String studentName, Long departmentId, AlertSeverity severity,
		AlertCategory category, String message, String sourceRef, AlertStatus status, Long raisedById,
		String raisedByName, Long ownerId, String ownerName, String resolutionNote, boolean visibleToStudent,
		Instant acknowledgedAt, Instant escalatedAt, Instant closedAt, Long closedById, Instant createdAt,
		Instant updatedAt, long version, List<AlertStatus.Action> actions, boolean assignable) {
}
