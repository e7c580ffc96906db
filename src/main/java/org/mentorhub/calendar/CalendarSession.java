package org.mentorhub.calendar;

import java.time.Instant;

/**
 * What the calendar may know of a mentoring session: its time, place and participants. It never
 * carries the description, agenda, notes or feedback, so nothing built from it can leak them.
 */
record CalendarSession(long id, String status, String title, Instant start, int durationMinutes, String timeZone,
		String mode, String location, String meetingLink, String icalUid, int icalSequence, Person mentor,
		Person mentee) {

	/** A participant. */
	record Person(long id, String email, String name, String timeZone) {
	}

	Instant end() {
		return this.start.plusSeconds(this.durationMinutes * 60L);
	}

	boolean hasParticipant(long userId) {
		return this.mentor.id() == userId || this.mentee.id() == userId;
	}

	/** The other participant, seen from {@code userId}. */
	Person other(long userId) {
		return this.mentor.id() == userId ? this.mentee : this.mentor;
	}

	/** Confirmed (CONFIRMED, or RESCHEDULED: a new time is proposed, the confirmed one still holds). */
	boolean confirmed() {
		return "CONFIRMED".equals(this.status) || "RESCHEDULED".equals(this.status);
	}

}
