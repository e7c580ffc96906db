package org.mentorhub.session;

/**
 * The outcome of a session that has happened: attendance (PRESENT, LATE, ABSENT, EXCUSED), topic,
 * summary and the date of the next meeting ({@code yyyy-MM-dd}, optional).
 */
public record SessionRecordInput(String attendance, String topic, String summary, String nextMeetingOn) {
}
