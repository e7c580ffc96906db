package org.mentorhub.alert;

import java.time.Instant;

/**
 * A case was closed, resolved or dismissed, with its outcome note or reason: whoever raised it is told
 * how it ended (close the loop). {@code raisedById} is, for an alert that a rule raised, whoever switched the
 * rule on; {@code closedById} is null when the rule closed it itself (the data recovered, auto-resolve).
 */
public record AlertClosed(long alertId, long studentId, AlertSeverity severity, AlertCategory category,
		AlertStatus status, String outcome, Long raisedById, Long ownerId, Long closedById, Instant at) {
}
