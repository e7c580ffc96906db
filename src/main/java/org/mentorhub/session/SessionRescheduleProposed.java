package org.mentorhub.session;

import java.time.Instant;

/**
 * A participant proposed a new time (RESCHEDULED, awaiting the other's answer); the session's
 * {@link ScheduledSession#start()} is still the agreed one.
 *
 * @param proposedStart the new time proposed
 */
public record SessionRescheduleProposed(ScheduledSession session, Instant proposedStart, Long actorId,
		Instant occurredAt) implements SessionLifecycleEvent {
}
