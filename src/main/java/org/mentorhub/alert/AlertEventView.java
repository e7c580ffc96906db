package org.mentorhub.alert;

import java.time.Instant;

/** One entry of an alert's history: who moved it from which status to which, when, and their note. */
public record AlertEventView(long id, Long actorId, String actorName, AlertStatus fromStatus, AlertStatus toStatus,
		String note, Instant createdAt) {
}
