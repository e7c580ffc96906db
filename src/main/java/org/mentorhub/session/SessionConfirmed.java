package org.mentorhub.session;

import java.time.Instant;

/** The other party confirmed a request or an offer (CONFIRMED): the time is agreed and the invitation goes out. */
public record SessionConfirmed(ScheduledSession session, Long actorId, Instant occurredAt) implements SessionLifecycleEvent {
}
