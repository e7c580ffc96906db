package org.mentorhub.mentorship;

import java.time.Instant;
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
 * One mentorship (seed 000 {@code matches} merged with seed 003 {@code mentor_assignments}). Each
 * transition is a method with a guard: a transition its state does not allow throws
 * {@link StateTransitionException} (409) with a clear message. {@code @Version} makes a stale writer
 * fail instead of overwriting a concurrent change.
 *
 * <p>It also says what can be done: {@link #actionsFor} is the one answer to "which actions may this
 * user take now", from the status and the user's relation (mentor, mentee, requester, administrator
 * of the institution or coordinator of the department). Pages, buttons and the API use it, and
 * {@link Mentorships} refuses what it does not list with the same two questions: {@link #entitles}
 * (wrong person: 403) and {@link #requireAllowed} (wrong status: 409).
 */
@Entity
@Table(name = "mentorships")
class Mentorship {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long institutionId;

	private Long departmentId;

	private long mentorId;

	private long menteeId;

	@Enumerated(EnumType.STRING)
	private MentorshipStatus status;

	private String goal;

	private String notes;

	private Long requestedById;

	private Long assignedById;

	private Long decidedById;

	private Instant decidedAt;

	private String decisionReason;

	private Integer preferenceRank;

	private Instant assignedAt;

	private Instant pausedAt;

	private Instant endedAt;

	private String endReason;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Mentorship() {
	}

	/** A mentee's request to a mentor (their choice of the given rank). */
	static Mentorship request(long institutionId, Long departmentId, long mentorId, long menteeId, String goal,
			int rank, long requestedBy, Instant now) {
		Mentorship m = create(institutionId, departmentId, mentorId, menteeId, goal, now);
		m.status = MentorshipStatus.REQUESTED;
		m.preferenceRank = rank;
		m.requestedById = requestedBy;
		return m;
	}

	/** An administrator's or coordinator's proposal of a pairing, which the mentor accepts or declines. */
	static Mentorship propose(long institutionId, Long departmentId, long mentorId, long menteeId, String goal,
			String notes, long proposedBy, Instant now) {
		Mentorship m = create(institutionId, departmentId, mentorId, menteeId, goal, now);
		m.status = MentorshipStatus.PROPOSED;
		m.notes = notes;
		m.requestedById = proposedBy;
		m.assignedById = proposedBy;
		return m;
	}

	private static Mentorship create(long institutionId, Long departmentId, long mentorId, long menteeId, String goal,
			Instant now) {
		Mentorship m = new Mentorship();
		m.institutionId = institutionId;
		m.departmentId = departmentId;
		m.mentorId = mentorId;
		m.menteeId = menteeId;
		m.goal = goal;
		m.createdAt = now;
		m.updatedAt = now;
		return m;
	}

	// ---------------------------------------------------------------- what may be done

	/** The actions this user may take now: the status allows them and so does the user's relation. */
	Set<MentorshipAction> actionsFor(MentorshipUser user) {
		return actions(this.status, this.institutionId, this.departmentId, this.mentorId, this.menteeId,
				this.requestedById, user);
	}

	/** The same answer for a mentorship read as a view (lists and pages read views, not entities). */
	static Set<MentorshipAction> actionsFor(MentorshipView view, MentorshipUser user) {
		return actions(view.status(), view.institutionId(), view.departmentId(), view.mentorId(), view.menteeId(),
				view.requestedById(), user);
	}

	/** Whether the user's relation to this mentorship lets them take the action (its status aside). */
	boolean entitles(MentorshipAction action, MentorshipUser user) {
		return entitled(action, this.status, this.institutionId, this.departmentId, this.mentorId, this.menteeId,
				this.requestedById, user);
	}

	/** Refuses (409) an action the current status does not allow, whoever asks. */
	void requireAllowed(MentorshipAction action) {
		if (!action.possibleIn(this.status)) {
			throw new StateTransitionException(refusal(action));
		}
	}

	private static Set<MentorshipAction> actions(MentorshipStatus status, long institutionId, Long departmentId,
			long mentorId, long menteeId, Long requestedById, MentorshipUser user) {
		Set<MentorshipAction> actions = EnumSet.noneOf(MentorshipAction.class);
		for (MentorshipAction action : MentorshipAction.values()) {
			if (action.possibleIn(status)
					&& entitled(action, status, institutionId, departmentId, mentorId, menteeId, requestedById, user)) {
				actions.add(action);
			}
		}
		return actions;
	}

	private static boolean entitled(MentorshipAction action, MentorshipStatus status, long institutionId,
			Long departmentId, long mentorId, long menteeId, Long requestedById, MentorshipUser user) {
		boolean manager = user.manages(institutionId, departmentId);
		return switch (action) {
			case ACCEPT, DECLINE -> mentorId == user.id();
			case APPROVE, REJECT, REMATCH -> manager;
			case WITHDRAW -> (requestedById != null && requestedById == user.id())
					|| (manager && status == MentorshipStatus.PROPOSED);
			case PAUSE, RESUME, END -> mentorId == user.id() || menteeId == user.id() || manager;
		};
	}

	private String refusal(MentorshipAction action) {
		String is = "This mentorship is " + this.status.name().toLowerCase(Locale.ROOT);
		return switch (action) {
			case ACCEPT -> is + ", so there is nothing to accept.";
			case DECLINE -> is + ", so there is nothing to decline.";
			case APPROVE -> is + "; only a request its mentor accepted waits for approval.";
			case REJECT -> is + ", so it cannot be rejected.";
			case WITHDRAW -> is + ", so it cannot be withdrawn.";
			case PAUSE -> is + ", so it cannot be paused.";
			case RESUME -> is + ", so it cannot be resumed.";
			case END -> is + ", so it cannot be ended.";
			case REMATCH -> is + "; only an active, paused or ended mentorship can be re-matched.";
		};
	}

	// ---------------------------------------------------------------- transitions

	/** The mentor accepts a request that still needs an administrator's approval. */
	void acceptPendingApproval(long mentor, Instant now) {
		requireAllowed(MentorshipAction.ACCEPT);
		require(this.status == MentorshipStatus.REQUESTED, "accept");
		this.status = MentorshipStatus.ACCEPTED;
		this.updatedAt = now;
	}

	/**
	 * Approval, which activates at once: by the mentor (a request without approval, or a proposal) or
	 * by an administrator (an accepted request). The caller has reserved the mentor's place.
	 */
	void approveAndActivate(long decidedBy, String reason, Instant now) {
		require(MentorshipStatus.OPEN.contains(this.status), "approve");
		this.status = MentorshipStatus.ACTIVE;
		this.decidedById = decidedBy;
		this.decidedAt = now;
		this.decisionReason = reason;
		if (this.assignedById == null) {
			this.assignedById = decidedBy;
		}
		this.assignedAt = now;
		this.updatedAt = now;
	}

	/** An administrator rejects, or the mentor declines ({@link Mentorships} checks which first). */
	void reject(long decidedBy, String reason, Instant now) {
		requireAllowed(MentorshipAction.REJECT);
		this.status = MentorshipStatus.REJECTED;
		this.decidedById = decidedBy;
		this.decidedAt = now;
		this.decisionReason = reason;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		requireAllowed(MentorshipAction.WITHDRAW);
		this.status = MentorshipStatus.WITHDRAWN;
		this.updatedAt = now;
	}

	void expire(Instant now) {
		require(this.status == MentorshipStatus.REQUESTED, "expire");
		this.status = MentorshipStatus.EXPIRED;
		this.decidedAt = now;
		this.decisionReason = "The mentor did not answer in time.";
		this.updatedAt = now;
	}

	void pause(String reason, Instant now) {
		requireAllowed(MentorshipAction.PAUSE);
		this.status = MentorshipStatus.PAUSED;
		this.pausedAt = now;
		appendNote("Paused: " + reason);
		this.updatedAt = now;
	}

	void resume(Instant now) {
		requireAllowed(MentorshipAction.RESUME);
		this.status = MentorshipStatus.ACTIVE;
		this.pausedAt = null;
		this.updatedAt = now;
	}

	void end(String reason, Instant now) {
		requireAllowed(MentorshipAction.END);
		this.status = MentorshipStatus.ENDED;
		this.endedAt = now;
		this.endReason = reason;
		this.updatedAt = now;
	}

	private void appendNote(String note) {
		String joined = this.notes == null || this.notes.isBlank() ? note : this.notes + "\n" + note;
		this.notes = joined.length() > 20_000 ? joined.substring(joined.length() - 20_000) : joined;
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new StateTransitionException("This mentorship is " + this.status.name().toLowerCase(Locale.ROOT)
					+ ", so it cannot be " + pastTense(action) + ".");
		}
	}

	private static String pastTense(String action) {
		return switch (action) {
			case "accept" -> "accepted";
			case "approve" -> "approved";
			case "expire" -> "expired";
			default -> action + "ed";
		};
	}

	Long getId() { return this.id; }
	long getInstitutionId() { return this.institutionId; }
	Long getDepartmentId() { return this.departmentId; }
	long getMentorId() { return this.mentorId; }
	long getMenteeId() { return this.menteeId; }
	MentorshipStatus getStatus() { return this.status; }
	String getGoal() { return this.goal; }
	String getNotes() { return this.notes; }
	Long getRequestedById() { return this.requestedById; }
	Long getAssignedById() { return this.assignedById; }
	Long getDecidedById() { return this.decidedById; }
	Instant getDecidedAt() { return this.decidedAt; }
	String getDecisionReason() { return this.decisionReason; }
	Integer getPreferenceRank() { return this.preferenceRank; }
	Instant getAssignedAt() { return this.assignedAt; }
	Instant getPausedAt() { return this.pausedAt; }
	Instant getEndedAt() { return this.endedAt; }
	String getEndReason() { return this.endReason; }
	Instant getCreatedAt() { return this.createdAt; }
	Instant getUpdatedAt() { return this.updatedAt; }
	long getVersion() { return this.version; }

}
