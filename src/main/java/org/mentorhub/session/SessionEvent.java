package org.mentorhub.session;

import java.time.Instant;

/**
 * Published (after commit) by every transition of a mentoring session. Listeners (the calendar's
 * invitations, notifications) read what they need from the session's row by {@code sessionId}:
 * {@code mentoring_sessions.ical_uid} is set when the session is made and never changes, and
 * {@code ical_sequence} grows by one with every change of time, place or status after the first
 * confirmation, so an invitation built from the row is always the newest.
 *
 * @param sessionId the session
 * @param kind what happened
 * @param actorId who did it (null for the system, e.g. a scheduled job)
 * @param occurredAt when
 */
public record SessionEvent(long sessionId, Kind kind, Long actorId, Instant occurredAt) {

	/** The transitions of the scheduling workflow and the record. */
	public enum Kind {

		/** A mentee asked for a session (REQUESTED). */
		REQUESTED,
		/** A mentor offered a session (PROPOSED). */
		PROPOSED,
		/** The other party confirmed (CONFIRMED): the invitation goes out. */
		CONFIRMED,
		/** The other party rejected a request or an offer (REJECTED). */
		REJECTED,
		/** Either party proposed a new time (RESCHEDULED, awaiting the other's answer). */
		RESCHEDULE_PROPOSED,
		/** The new time was accepted (CONFIRMED again, at the new time): an updated invitation goes out. */
		RESCHEDULED,
		/** The new time was declined (the session keeps its previous time and status). */
		RESCHEDULE_DECLINED,
		/** Details changed (title, place, link) of a confirmed session: an updated invitation goes out. */
		UPDATED,
		/** A participant cancelled (CANCELLED): the cancellation goes out. */
		CANCELLED,
		/** A participant recorded the outcome (COMPLETED). */
		COMPLETED

	}

}
