package org.mentorhub.mentorship;

import java.time.Instant;

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

	/** The mentor accepts a request that still needs an administrator's approval. */
	void acceptPendingApproval(long mentor, Instant now) {
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

	void reject(long decidedBy, String reason, Instant now) {
		require(MentorshipStatus.OPEN.contains(this.status), "reject");
		this.status = MentorshipStatus.REJECTED;
		this.decidedById = decidedBy;
		this.decidedAt = now;
		this.decisionReason = reason;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		require(MentorshipStatus.OPEN.contains(this.status), "withdraw");
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
		require(this.status == MentorshipStatus.ACTIVE, "pause");
		this.status = MentorshipStatus.PAUSED;
		this.pausedAt = now;
		appendNote("Paused: " + reason);
		this.updatedAt = now;
	}

	void resume(Instant now) {
		require(this.status == MentorshipStatus.PAUSED, "resume");
		this.status = MentorshipStatus.ACTIVE;
		this.pausedAt = null;
		this.updatedAt = now;
	}

	void end(String reason, Instant now) {
		require(MentorshipStatus.HOLDING_PLACE.contains(this.status), "end");
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
			throw new StateTransitionException("This mentorship is " + this.status.name().toLowerCase(java.util.Locale.ROOT)
					+ ", so it cannot be " + pastTense(action) + ".");
		}
	}

	private static String pastTense(String action) {
		return switch (action) {
			case "accept" -> "accepted";
			case "approve" -> "approved";
			case "reject" -> "rejected or declined";
			case "withdraw" -> "withdrawn";
			case "expire" -> "expired";
			case "pause" -> "paused";
			case "resume" -> "resumed";
			case "end" -> "ended";
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
