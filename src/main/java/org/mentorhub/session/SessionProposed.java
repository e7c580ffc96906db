package org.mentorhub.session;

import java.time.Instant;

/** A mentor offered a session (PROPOSED); the mentee confirms or rejects it. */
public record SessionProposed(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
