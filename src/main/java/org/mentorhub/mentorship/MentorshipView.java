package org.mentorhub.mentorship;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A mentorship as pages, the API and other modules see it (ids, names, the seed columns). Times are
 * UTC. {@code version} is what a client sends back to change it without overwriting a concurrent
 * change. {@code actions} are what the person who asked may do with it now
 * ({@link Mentorship#actionsFor}); a view read for someone else (another module, a job) has none.
 */
public record MentorshipView(long id, long institutionId, Long departmentId, long mentorId, String mentorName,
		long menteeId, String menteeName, MentorshipStatus status, String goal, String notes, Integer preferenceRank,
		Long requestedById, Long assignedById, Long decidedById, Instant decidedAt, String decisionReason,
		Instant assignedAt, Instant pausedAt, Instant endedAt, String endReason, Instant createdAt, Instant updatedAt,
		long version, Set<MentorshipAction> actions) {

	public MentorshipView {
		// An EnumSet keeps the declared order, so the API lists actions in a stable order.
		actions = actions == null || actions.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(actions));
	}

	/** A view without actions (read for no one in particular). */
	public MentorshipView(long id, long institutionId, Long departmentId, long mentorId, String mentorName,
			long menteeId, String menteeName, MentorshipStatus status, String goal, String notes,
			Integer preferenceRank, Long requestedById, Long assignedById, Long decidedById, Instant decidedAt,
			String decisionReason, Instant assignedAt, Instant pausedAt, Instant endedAt, String endReason,
			Instant createdAt, Instant updatedAt, long version) {
		this(id, institutionId, departmentId, mentorId, mentorName, menteeId, menteeName, status, goal, notes,
				preferenceRank, requestedById, assignedById, decidedById, decidedAt, decisionReason, assignedAt,
				pausedAt, endedAt, endReason, createdAt, updatedAt, version, Set.of());
	}

	/** The same view with the actions the asker may take. */
	MentorshipView withActions(Set<MentorshipAction> allowed) {
		return new MentorshipView(this.id, this.institutionId, this.departmentId, this.mentorId, this.mentorName,
				this.menteeId, this.menteeName, this.status, this.goal, this.notes, this.preferenceRank,
				this.requestedById, this.assignedById, this.decidedById, this.decidedAt, this.decisionReason,
				this.assignedAt, this.pausedAt, this.endedAt, this.endReason, this.createdAt, this.updatedAt,
				this.version, allowed);
	}

	/** Whether the asker may take the action now (templates: {@code m.can('APPROVE')}). */
	public boolean can(String action) {
		return this.actions.contains(MentorshipAction.valueOf(action));
	}

	/** Whether the asker may take any action now. */
	public boolean canAct() {
		return !this.actions.isEmpty();
	}

}
