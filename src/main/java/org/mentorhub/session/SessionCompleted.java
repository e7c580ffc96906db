package org.mentorhub.session;

import java.time.Instant;

/** A participant recorded the outcome of the session (COMPLETED); the record itself is not carried. */
public record SessionCompleted(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
