package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A session as pages, the API and other modules see it. {@code start}, {@code end} and the other
 * instants are UTC; {@code timeZone} is the zone the session was planned in; {@code viewerZone} and
 * {@code localStart}/{@code localEnd}/{@code localProposedDate} are the same times in the zone of the
 * person who asked. {@code version} is sent back to change it without overwriting a concurrent change.
 */
public record SessionView(long id, long mentorshipId, long mentorId, String mentorName, long menteeId,
		String menteeName, String title, String description, String agenda, Instant start, Instant end,
		String timeZone, int durationMinutes, SessionStatus status, SessionMode mode, String location,
		String meetingLink, Instant proposedDate, Long proposedById, String responseMessage, String topic,
		String summary, LocalDate nextMeetingOn, Attendance attendance, Long createdById, Instant completedAt,
		Instant cancelledAt, String icalUid, int icalSequence, long version, String viewerZone,
		LocalDateTime localStart, LocalDateTime localEnd, LocalDateTime localProposedDate) {
}
