package org.mentorhub.mentorship;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a person may do with one mentorship. {@link Mentorship#actionsFor} answers which of them a
 * given user may take now; pages show exactly those buttons, the API lists them in
 * {@link MentorshipView#actions()} and {@link Mentorships} refuses the others.
 */
public enum MentorshipAction {

	/** The mentor accepts a request or a proposal. */
	ACCEPT(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED),
	/** The mentor declines a request or a proposal. */
	DECLINE(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED),
	/** An administrator or coordinator approves a request the mentor accepted. */
	APPROVE(MentorshipStatus.ACCEPTED),
	/** An administrator or coordinator rejects an open mentorship. */
	REJECT(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED, MentorshipStatus.ACCEPTED),
	/** The requester (or, for a proposal, an administrator or coordinator) withdraws before a decision. */
	WITHDRAW(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED, MentorshipStatus.ACCEPTED),
	/** A participant or manager pauses an active mentorship. */
	PAUSE(MentorshipStatus.ACTIVE),
	/** A participant or manager resumes a paused mentorship. */
	RESUME(MentorshipStatus.PAUSED),
	/** A participant or manager ends a running mentorship. */
	END(MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED),
	/** An administrator or coordinator proposes a new mentor for the mentee. */
	REMATCH(MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED, MentorshipStatus.ENDED);

	private final Set<MentorshipStatus> from;

	MentorshipAction(MentorshipStatus first, MentorshipStatus... rest) {
		this.from = EnumSet.of(first, rest);
	}

	/** The statuses in which this action is possible at all (for someone). */
	public Set<MentorshipStatus> from() {
		return EnumSet.copyOf(this.from);
	}

	boolean possibleIn(MentorshipStatus status) {
		return this.from.contains(status);
	}

}
