package org.mentorhub.alert;

import java.time.Instant;

/**
 * A case was closed, resolved or dismissed, with its outcome note or reason: whoever raised it is told
 * how it ended (close the loop). {@code raisedById} is null for an alert that a source raised.
 */
public record AlertClosed(long alertId, long studentId, AlertSeverity severity, AlertCategory category,
		AlertStatus status, String outcome, Long raisedById, Long ownerId, long closedById, Instant at) {
}
