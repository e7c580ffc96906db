package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mentorhub.platform.StateTransitionException;

/**
 * One mentoring session (seed 000 {@code sessions} merged with seed 003 {@code session_records}).
 * Each transition is a method with a guard on the status: a transition the status does not allow
 * throws {@link StateTransitionException} (409). Who may make it is checked by {@link Sessions}.
 * {@code @Version} makes a stale writer fail instead of overwriting a concurrent change.
 *
 * <p>It also says what can be done: {@link #actionsFor} is the one answer to "which actions may this
 * person take now", from the status, the person's relation (mentor, mentee, creator of a draft,
 * proposer of a new time) and the clock (a session is recorded once it has started). The page, its
 * buttons and the API use it; {@link Sessions} refuses what it does not list with the same questions:
 * {@link #entitles} (wrong person: 403) and the transitions' guards (wrong status or time: 409).
 */
@Entity
@Table(name = "mentoring_sessions")
class MentoringSession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long mentorshipId;

	private long mentorId;

	private long menteeId;

	private String title;

	private String description;

	private String agenda;

	private Instant scheduledAt;

	private String timeZone;

	private int durationMinutes;

	@Enumerated(EnumType.STRING)
	private SessionStatus status;

	@Enumerated(EnumType.STRING)
	private SessionMode mode;

	private String location;

	private String meetingLink;

	private Instant proposedDate;

	private Long proposedById;

	private String responseMessage;

	@Enumerated(EnumType.STRING)
	private SessionStatus rescheduledFrom;

	private String topic;

	private String summary;

	private LocalDate nextMeetingOn;

	@Enumerated(EnumType.STRING)
	private Attendance attendance;

	private Long createdById;

	/** When the session was first confirmed (null: never, or before the time was kept). */
	private Instant confirmedAt;

	private Instant completedAt;

	private Instant cancelledAt;

	@Column(updatable = false)
	private String icalUid;

	private int icalSequence;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected MentoringSession() {
	}

	/** A new session of the given status (PENDING draft, PROPOSED by the mentor, REQUESTED by the mentee). */
	static MentoringSession create(long mentorshipId, long mentorId, long menteeId, long createdBy,
			SessionStatus status, SessionDetails details, String icalUid, Instant now) {
		MentoringSession s = new MentoringSession();
		s.mentorshipId = mentorshipId;
		s.mentorId = mentorId;
		s.menteeId = menteeId;
		s.createdById = createdBy;
		s.status = status;
		s.apply(details);
		s.icalUid = icalUid;
		s.icalSequence = 0;
		s.createdAt = now;
		s.updatedAt = now;
		return s;
	}

	private void apply(SessionDetails d) {
		this.title = d.title();
		this.description = d.description();
		this.agenda = d.agenda();
		this.scheduledAt = d.start();
		this.timeZone = d.zone().getId();
		this.durationMinutes = d.durationMinutes();
		this.mode = d.mode();
		this.location = d.location();
		this.meetingLink = d.meetingLink();
	}

	// ---------------------------------------------------------------- what may be done

	/** The actions this person may take now: the status and time allow them, and so does their relation. */
	Set<SessionAction> actionsFor(long userId, Instant now) {
		return actions(this.status, this.mentorId, this.menteeId, this.createdById, this.proposedById,
				this.scheduledAt, userId, now);
	}

	/** The same answer for a session read as a view (pages and lists read views, not entities). */
	static Set<SessionAction> actionsFor(SessionView view, long userId, Instant now) {
		return actions(view.status(), view.mentorId(), view.menteeId(), view.createdById(), view.proposedById(),
				view.start(), userId, now);
	}

	/** Whether this person's relation to the session lets them take the action (status and time aside). */
	boolean entitles(SessionAction action, long userId) {
		return entitled(action, this.status, this.mentorId, this.menteeId, this.createdById, this.proposedById, userId);
	}

	private static Set<SessionAction> actions(SessionStatus status, long mentorId, long menteeId, Long createdById,
			Long proposedById, Instant start, long userId, Instant now) {
		Set<SessionAction> actions = EnumSet.noneOf(SessionAction.class);
		for (SessionAction action : SessionAction.values()) {
			if (action.possibleIn(status) && (action != SessionAction.COMPLETE || !now.isBefore(start))
					&& entitled(action, status, mentorId, menteeId, createdById, proposedById, userId)) {
				actions.add(action);
			}
		}
		return actions;
	}

	private static boolean entitled(SessionAction action, SessionStatus status, long mentorId, long menteeId,
			Long createdById, Long proposedById, long userId) {
		boolean participant = mentorId == userId || menteeId == userId;
		boolean creator = createdById != null && createdById == userId;
		if (!participant || (status == SessionStatus.PENDING && !creator)) {
			// A draft is its creator's alone until it is sent.
			return false;
		}
		return switch (action) {
			case SUBMIT -> creator;
			// The mentee answers a mentor's proposal, the mentor a mentee's request.
			case CONFIRM, REJECT -> (status != SessionStatus.PROPOSED || menteeId == userId)
					&& (status != SessionStatus.REQUESTED || mentorId == userId);
			// The other person answers a new time.
			case ACCEPT_TIME, DECLINE_TIME -> status != SessionStatus.RESCHEDULED || proposedById == null
					|| proposedById != userId;
			case RESCHEDULE, CANCEL, COMPLETE -> true;
		};
	}

	private void requireAllowed(SessionAction action) {
		require(action.possibleIn(this.status), action.refusal());
	}

	// ---------------------------------------------------------------- transitions

	/** The creator sends a draft: PROPOSED (by the mentor) or REQUESTED (by the mentee). */
	void submit(SessionStatus sentAs, Instant now) {
		requireAllowed(SessionAction.SUBMIT);
		this.status = sentAs;
		this.updatedAt = now;
	}

	/** The creator edits a draft. */
	void editDraft(SessionDetails details, Instant now) {
		require(this.status == SessionStatus.PENDING, "has been sent; propose a new time instead of editing it");
		apply(details);
		this.updatedAt = now;
	}

	/** The other party confirms a proposal or a request: the time of the first confirmation is kept. */
	void confirm(String message, Instant now) {
		requireAllowed(SessionAction.CONFIRM);
		this.status = SessionStatus.CONFIRMED;
		this.responseMessage = message;
		firstConfirmation(now);
		this.updatedAt = now;
	}

	/** The other party rejects a proposal or a request. */
	void reject(String message, Instant now) {
		requireAllowed(SessionAction.REJECT);
		this.status = SessionStatus.REJECTED;
		this.responseMessage = message;
		this.updatedAt = now;
	}

	/** A participant proposes a new time; the session waits for the other's answer. */
	void proposeTime(Instant newStart, long by, String message, Instant now) {
		requireAllowed(SessionAction.RESCHEDULE);
		boolean bump = wasConfirmed();
		this.rescheduledFrom = this.status;
		this.status = SessionStatus.RESCHEDULED;
		this.proposedDate = newStart;
		this.proposedById = by;
		this.responseMessage = message;
		bumpIf(bump);
		this.updatedAt = now;
	}

	/**
	 * The other party accepts the new time: CONFIRMED at the new time (the first confirmation of a
	 * session that was only proposed or requested before).
	 */
	void acceptTime(String message, Instant now) {
		requireAllowed(SessionAction.ACCEPT_TIME);
		boolean bump = wasConfirmed();
		this.scheduledAt = this.proposedDate;
		this.status = SessionStatus.CONFIRMED;
		clearProposal(message);
		bumpIf(bump);
		if (!bump) {
			firstConfirmation(now);
		}
		this.updatedAt = now;
	}

	/**
	 * Keeps when the session was first confirmed: a later confirmation (a new time accepted) leaves it,
	 * and a session confirmed before the time was kept stays without one.
	 */
	private void firstConfirmation(Instant now) {
		if (this.confirmedAt == null) {
			this.confirmedAt = now;
		}
	}

	/** The other party declines the new time: back to the previous status and time. */
	void declineTime(String message, Instant now) {
		requireAllowed(SessionAction.DECLINE_TIME);
		boolean bump = wasConfirmed();
		this.status = this.rescheduledFrom == null ? SessionStatus.CONFIRMED : this.rescheduledFrom;
		clearProposal(message);
		bumpIf(bump);
		this.updatedAt = now;
	}

	/** A participant cancels a session that is not over. */
	void cancel(String message, Instant now) {
		requireAllowed(SessionAction.CANCEL);
		boolean bump = wasConfirmed();
		this.status = SessionStatus.CANCELLED;
		this.responseMessage = message;
		this.cancelledAt = now;
		bumpIf(bump);
		this.updatedAt = now;
	}

	/** A participant records the outcome of a confirmed session that has started: COMPLETED. */
	void complete(Attendance attendance, String topic, String summary, LocalDate nextMeetingOn, Instant now) {
		requireAllowed(SessionAction.COMPLETE);
		if (now.isBefore(this.scheduledAt)) {
			throw new StateTransitionException("This session has not started yet; record it once it has happened.");
		}
		this.status = SessionStatus.COMPLETED;
		this.attendance = attendance;
		this.topic = topic;
		this.summary = summary;
		this.nextMeetingOn = nextMeetingOn;
		this.completedAt = now;
		bumpIf(true);
		this.updatedAt = now;
	}

	private void clearProposal(String message) {
		this.proposedDate = null;
		this.proposedById = null;
		this.rescheduledFrom = null;
		this.responseMessage = message;
	}

	/**
	 * Whether the session has been confirmed before: once confirmed, a session is only ever
	 * CONFIRMED, RESCHEDULED from CONFIRMED, CANCELLED or COMPLETED.
	 */
	boolean wasConfirmed() {
		return this.status == SessionStatus.CONFIRMED
				|| (this.status == SessionStatus.RESCHEDULED && this.rescheduledFrom == SessionStatus.CONFIRMED);
	}

	/** The session as other modules may know it (carried by its events): never its texts or record. */
	ScheduledSession scheduled() {
		return new ScheduledSession(this.id, this.mentorshipId, this.mentorId, this.menteeId, this.status, this.title,
				this.scheduledAt, this.durationMinutes, this.timeZone, this.mode, this.location, this.meetingLink,
				this.icalUid, this.icalSequence);
	}

	private void bumpIf(boolean confirmedBefore) {
		if (confirmedBefore) {
			this.icalSequence++;
		}
	}

	private void require(boolean allowed, String why) {
		if (!allowed) {
			throw new StateTransitionException("This session is " + this.status.name().toLowerCase(Locale.ROOT)
					.replace('_', ' ') + " and " + why + ".");
		}
	}

	Long getId() {
		return this.id;
	}

	Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	long getMentorshipId() {
		return this.mentorshipId;
	}

	long getMentorId() {
		return this.mentorId;
	}

	long getMenteeId() {
		return this.menteeId;
	}

	String getTitle() {
		return this.title;
	}

	Instant getScheduledAt() {
		return this.scheduledAt;
	}

	int getDurationMinutes() {
		return this.durationMinutes;
	}

	SessionStatus getStatus() {
		return this.status;
	}

	Instant getProposedDate() {
		return this.proposedDate;
	}

	Long getProposedById() {
		return this.proposedById;
	}

	Long getCreatedById() {
		return this.createdById;
	}

	int getIcalSequence() {
		return this.icalSequence;
	}

	long getVersion() {
		return this.version;
	}

	Attendance getAttendance() {
		return this.attendance;
	}

	String getResponseMessage() {
		return this.responseMessage;
	}

	boolean isParticipant(long userId) {
		return this.mentorId == userId || this.menteeId == userId;
	}

	long otherThan(long userId) {
		return this.mentorId == userId ? this.menteeId : this.mentorId;
	}

}
