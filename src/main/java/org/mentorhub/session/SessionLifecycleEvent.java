package org.mentorhub.session;

import java.time.Instant;

/**
 * A transition of a mentoring session, published in the transaction that made it and delivered to
 * {@code @ApplicationModuleListener}s after the commit through the JDBC event publication registry.
 * Each one carries the session as it is right after the transition ({@link #session()}), so that
 * listeners need not read the session module's tables.
 */
public sealed interface SessionLifecycleEvent permits SessionRequested, SessionProposed, SessionConfirmed,
		SessionRejected, SessionRescheduleProposed, SessionRescheduled, SessionRescheduleDeclined, SessionCancelled,
		SessionCompleted {

	/** The session right after the transition. */
	ScheduledSession session();

	/** Who made it: a participant (null for the system, e.g. a scheduled job). */
	Long actorId();

	/** When it happened. */
	Instant occurredAt();

}
