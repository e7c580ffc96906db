package org.mentorhub.session;

import java.time.Instant;

/** A mentee asked for a session (REQUESTED); the mentor confirms or rejects it. */
public record SessionRequested(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
