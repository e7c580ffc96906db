package org.mentorhub.session;

import java.time.Instant;

/** A participant cancelled the session (CANCELLED): a cancellation goes out if it was ever confirmed. */
public record SessionCancelled(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
