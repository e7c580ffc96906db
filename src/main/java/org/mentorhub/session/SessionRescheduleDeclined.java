package org.mentorhub.session;

import java.time.Instant;

/** The new time was declined: the session keeps its previous status and time, as carried. */
public record SessionRescheduleDeclined(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
