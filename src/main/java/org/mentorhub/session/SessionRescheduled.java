package org.mentorhub.session;

import java.time.Instant;

/**
 * The new time was accepted: the session is CONFIRMED at {@link ScheduledSession#start()} and an
 * updated invitation goes out.
 *
 * @param previousStart the time it had before
 */
public record SessionRescheduled(ScheduledSession session, Instant previousStart, Long actorId, Instant occurredAt)
		implements SessionLifecycleEvent {
}
