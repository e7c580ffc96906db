package org.mentorhub.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 8 statuses of seed 000's sessions. Seed 003's session records map onto them: SCHEDULED is
 * {@link #CONFIRMED}, COMPLETED is {@link #COMPLETED}, CANCELLED is {@link #CANCELLED}.
 */
public enum SessionStatus {

	/** A draft its creator has not sent yet; holds no time. */
	PENDING,
	/** The mentor offered it; the mentee confirms or rejects. */
	PROPOSED,
	/** The mentee asked for it; the mentor confirms or rejects. */
	REQUESTED,
	/** Both agreed (seed 003 SCHEDULED). */
	CONFIRMED,
	/** One party proposed a new time; the other accepts or declines. */
	RESCHEDULED,
	/** The other party said no. */
	REJECTED,
	/** It happened and its record is written. */
	COMPLETED,
	/** A participant called it off. */
	CANCELLED;

	/** The statuses that hold the participants' time (double booking is checked against them). */
	public static final Set<SessionStatus> BUSY = EnumSet.of(PROPOSED, REQUESTED, CONFIRMED, RESCHEDULED);

	/** The statuses that are over. */
	public static final Set<SessionStatus> CLOSED = EnumSet.of(REJECTED, COMPLETED, CANCELLED);

}
