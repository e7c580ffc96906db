package org.mentorhub.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a participant may do with one session. {@link MentoringSession#actionsFor} answers which of
 * them a given person may take now; the session page shows exactly those forms, the API lists them
 * in {@link SessionView#actions()} and {@link Sessions} refuses the others.
 */
public enum SessionAction {

	/** The creator sends a draft. */
	SUBMIT("is not a draft, so there is nothing to send", SessionStatus.PENDING),
	/** The other party confirms a proposal (the mentee) or a request (the mentor). */
	CONFIRM("is not waiting for a confirmation", SessionStatus.PROPOSED, SessionStatus.REQUESTED),
	/** The other party rejects a proposal or a request. */
	REJECT("is not waiting for an answer, so it cannot be rejected", SessionStatus.PROPOSED, SessionStatus.REQUESTED),
	/** Either participant proposes a new time. */
	RESCHEDULE("cannot be moved to a new time now", SessionStatus.PROPOSED, SessionStatus.REQUESTED,
			SessionStatus.CONFIRMED),
	/** The participant who did not propose the new time accepts it. */
	ACCEPT_TIME("has no new time to accept", SessionStatus.RESCHEDULED),
	/** The participant who did not propose the new time declines it. */
	DECLINE_TIME("has no new time to decline", SessionStatus.RESCHEDULED),
	/** Either participant calls off a session that is not over. */
	CANCEL("is already over, so it cannot be cancelled", SessionStatus.PENDING, SessionStatus.PROPOSED,
			SessionStatus.REQUESTED, SessionStatus.CONFIRMED, SessionStatus.RESCHEDULED),
	/** Either participant records a confirmed session once it has started. */
	COMPLETE("is not confirmed, so it cannot be recorded as completed", SessionStatus.CONFIRMED);

	private final String refusal;

	private final Set<SessionStatus> from;

	SessionAction(String refusal, SessionStatus first, SessionStatus... rest) {
		this.refusal = refusal;
		this.from = EnumSet.of(first, rest);
	}

	/** The statuses in which this action is possible at all (for someone). */
	public Set<SessionStatus> from() {
		return EnumSet.copyOf(this.from);
	}

	boolean possibleIn(SessionStatus status) {
		return this.from.contains(status);
	}

	/** Why the action is refused in another status: "This session is X and ...". */
	String refusal() {
		return this.refusal;
	}

}
