package org.mentorhub.alert;

import java.time.Instant;

/** A case moved from one status to another (every transition, closing ones too); no actor when a rule resolved it. */
public record AlertStatusChanged(long alertId, long studentId, AlertStatus from, AlertStatus to, Long actorId,
		Instant at) {
}
