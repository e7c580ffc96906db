package org.mentorhub.mentorship;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of one mentorship. A mentee's request starts {@link #REQUESTED}, an administrator's or
 * coordinator's proposal {@link #PROPOSED}; a mentor who accepts a request where the institution
 * needs an administrator's approval moves it to {@link #ACCEPTED}. Approval activates the
 * mentorship at once and reserves one of the mentor's places, so {@link #APPROVED} is never a
 * resting state (the {@link MentorshipApproved} event marks it). {@link #ACTIVE} and
 * {@link #PAUSED} hold a place; {@link #ENDED}, {@link #REJECTED}, {@link #WITHDRAWN} and
 * {@link #EXPIRED} are final.
 */
public enum MentorshipStatus {

	REQUESTED, PROPOSED, ACCEPTED, APPROVED, REJECTED, ACTIVE, PAUSED, ENDED, WITHDRAWN, EXPIRED;

	/** Waiting for a decision (of the mentor, or of an administrator). */
	public static final Set<MentorshipStatus> OPEN = EnumSet.of(REQUESTED, PROPOSED, ACCEPTED);

	/** Running, and holding one of the mentor's places. */
	public static final Set<MentorshipStatus> HOLDING_PLACE = EnumSet.of(ACTIVE, PAUSED);

}
