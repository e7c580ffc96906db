package org.mentorhub.alert;

import java.time.Instant;

/** An alert was opened about a student: by hand ({@code raisedById}) or by a source ({@code sourceRef}). */
public record AlertRaised(long alertId, long institutionId, long studentId, AlertSeverity severity,
		AlertCategory category, String sourceRef, Long raisedById, Long ownerId, boolean visibleToStudent,
		Instant at) {
}
