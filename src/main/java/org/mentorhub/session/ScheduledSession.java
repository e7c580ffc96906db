package org.mentorhub.session;

import java.time.Instant;

/**
 * What other modules may know of a mentoring session: who meets, when, where, its status and its
 * calendar identity. Carried by every session event and answered by {@link SessionSchedules}; it never
 * holds the description, agenda, answers, notes or record of the session, so nothing built from it
 * can leak them.
 *
 * @param zone the zone the session was planned in (a {@link java.time.ZoneId} id)
 * @param location the place (in person), or null
 * @param meetingLink the link (online, phone), or null
 * @param icalUid the iCalendar UID: set when the session is made, never changed
 * @param icalSequence the iCalendar SEQUENCE: grows with every change of time, place or status after
 * the first confirmation
 */
public record ScheduledSession(long sessionId, long mentorshipId, long mentorId, long menteeId, SessionStatus status,
		String title, Instant start, int durationMinutes, String zone, SessionMode mode, String location,
		String meetingLink, String icalUid, int icalSequence) {

	/** Whether the user is the mentor or the mentee of this session. */
	public boolean hasParticipant(long userId) {
		return this.mentorId == userId || this.menteeId == userId;
	}

	/** Whether the agreed time holds: CONFIRMED, or RESCHEDULED from a confirmed time. */
	public boolean confirmed() {
		return this.status == SessionStatus.CONFIRMED || this.status == SessionStatus.RESCHEDULED;
	}

}
