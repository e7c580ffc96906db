package org.mentorhub.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert was left unacknowledged past its severity's response time and goes to {@code recipientIds}:
 * the coordinators of the student's department and, for a CRITICAL one, the institution's administrators.
 * Published once per alert.
 */
public record AlertEscalated(long alertId, long studentId, AlertSeverity severity, AlertCategory category,
		Long ownerId, List<Long> recipientIds, Instant createdAt, Instant at) {
}
