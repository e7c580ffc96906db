package org.mentorhub.session;

import java.time.Instant;

/** The other party rejected a request or an offer (REJECTED). */
public record SessionRejected(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
