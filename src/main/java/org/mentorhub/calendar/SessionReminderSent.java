package org.mentorhub.calendar;

import java.time.Instant;

/**
 * Published once per session and start time when the reminder job ({@code mentorhub.calendar.reminder-before}
 * ahead, 24 hours by default) claimed the session's reminder, in the transaction that claimed it; the
 * reminder mails to both participants go out right after. The session module's ids only: no
 * description, agenda, notes or meeting link.
 * @param sessionId the session
 * @param mentorId its mentor
 * @param menteeId its mentee
 * @param title the session's title
 * @param start when it starts
 * @param zone the session's own time zone (an IANA zone id, UTC when unset)
 * @param occurredAt when the reminder was sent
 */
public record SessionReminderSent(long sessionId, long mentorId, long menteeId, String title, Instant start,
		String zone, Instant occurredAt) {
}
