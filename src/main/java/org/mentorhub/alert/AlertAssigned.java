package org.mentorhub.alert;

import java.time.Instant;

/** An alert got an owner (when raised, or reassigned by a coordinator or administrator); {@code assignedById} null for the system. */
public record AlertAssigned(long alertId, long studentId, AlertSeverity severity, AlertCategory category, long ownerId,
		Long assignedById, Instant at) {
}
