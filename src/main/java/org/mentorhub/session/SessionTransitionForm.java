package org.mentorhub.session;

/**
 * The fields the session page's action forms post ({@code POST /sessions/{id}/<action>}): always the
 * {@code version} the page showed; a {@code message} to confirm, reject, accept or decline a new
 * time; a new {@code start} and {@code zone} (with a message) to reschedule; a {@code reason} to
 * cancel; the record ({@code attendance}, {@code topic}, {@code summary}, {@code nextMeetingOn}) to
 * complete. Each action reads only its own fields.
 */
record SessionTransitionForm(Long version, String message, String reason, String start, String zone,
		String attendance, String topic, String summary, String nextMeetingOn) {

	SessionRecordInput record() {
		return new SessionRecordInput(this.attendance, this.topic, this.summary, this.nextMeetingOn);
	}

}
