package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;

/** One session in the coordinator's attendance view. */
public record AttendanceRow(long sessionId, long mentorshipId, String title, long mentorId, String mentorName,
		long menteeId, String menteeName, Long departmentId, Instant start, LocalDateTime localStart,
		SessionStatus status, Attendance attendance, String topic, Instant completedAt) {
}
