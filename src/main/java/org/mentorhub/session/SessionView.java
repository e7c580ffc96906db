package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A session as pages, the API and other modules see it. {@code start}, {@code end} and the other
 * instants are UTC; {@code timeZone} is the zone the session was planned in; {@code viewerZone} and
 * {@code localStart}/{@code localEnd}/{@code localProposedDate} are the same times in the zone of the
 * person who asked. {@code version} is sent back to change it without overwriting a concurrent change.
 * {@code actions} are what the person who asked may do with it now ({@link MentoringSession#actionsFor});
 * a view read for nobody in particular has none.
 */
public record SessionView(long id, long mentorshipId, long mentorId, String mentorName, long menteeId,
		String menteeName, String title, String description, String agenda, Instant start, Instant end,
		String timeZone, int durationMinutes, SessionStatus status, SessionMode mode, String location,
		String meetingLink, Instant proposedDate, Long proposedById, String responseMessage, String topic,
		String summary, LocalDate nextMeetingOn, Attendance attendance, Long createdById, Instant completedAt,
		Instant cancelledAt, String icalUid, int icalSequence, long version, String viewerZone,
		LocalDateTime localStart, LocalDateTime localEnd, LocalDateTime localProposedDate, Set<SessionAction> actions) {

	public SessionView {
		// An EnumSet keeps the declared order, so the API lists actions in a stable order.
		actions = actions == null || actions.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(actions));
	}

	/** A view without actions (read for nobody in particular). */
	public SessionView(long id, long mentorshipId, long mentorId, String mentorName, long menteeId,
			String menteeName, String title, String description, String agenda, Instant start, Instant end,
			String timeZone, int durationMinutes, SessionStatus status, SessionMode mode, String location,
			String meetingLink, Instant proposedDate, Long proposedById, String responseMessage, String topic,
			String summary, LocalDate nextMeetingOn, Attendance attendance, Long createdById, Instant completedAt,
			Instant cancelledAt, String icalUid, int icalSequence, long version, String viewerZone,
			LocalDateTime localStart, LocalDateTime localEnd, LocalDateTime localProposedDate) {
		this(id, mentorshipId, mentorId, mentorName, menteeId, menteeName, title, description, agenda, start, end,
				timeZone, durationMinutes, status, mode, location, meetingLink, proposedDate, proposedById,
				responseMessage, topic, summary, nextMeetingOn, attendance, createdById, completedAt, cancelledAt,
				icalUid, icalSequence, version, viewerZone, localStart, localEnd, localProposedDate, Set.of());
	}

	/** The same view with the actions the asker may take. */
	SessionView withActions(Set<SessionAction> allowed) {
		return new SessionView(this.id, this.mentorshipId, this.mentorId, this.mentorName, this.menteeId,
				this.menteeName, this.title, this.description, this.agenda, this.start, this.end, this.timeZone,
				this.durationMinutes, this.status, this.mode, this.location, this.meetingLink, this.proposedDate,
				this.proposedById, this.responseMessage, this.topic, this.summary, this.nextMeetingOn, this.attendance,
				this.createdById, this.completedAt, this.cancelledAt, this.icalUid, this.icalSequence, this.version,
				this.viewerZone, this.localStart, this.localEnd, this.localProposedDate, allowed);
	}

	/** Whether the asker may take the action now (templates: {@code s.can('CONFIRM')}). */
	/** Cancelling needs a reason once the other participant knows of the session (anything but a draft). */
	public boolean cancelNeedsReason() {
		return this.status != SessionStatus.PENDING;
	}

	public boolean can(String action) {
		return this.actions.contains(SessionAction.valueOf(action));
	}

	/** Whether the session has its record (it happened: COMPLETED). */
	public boolean recorded() {
		return this.status == SessionStatus.COMPLETED;
	}

	/** Whether the session belongs in calendars (agreed or happened), so an invitation is offered. */
	public boolean inCalendar() {
		return this.status == SessionStatus.CONFIRMED || this.status == SessionStatus.COMPLETED;
	}

}
