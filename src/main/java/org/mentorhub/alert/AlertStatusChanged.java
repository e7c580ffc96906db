package org.mentorhub.alert;

import java.time.Instant;

/** A case moved from one status to another (every transition, closing ones too). */
public record AlertStatusChanged(long alertId, long studentId, AlertStatus from, AlertStatus to, long actorId,
		Instant at) {
}
