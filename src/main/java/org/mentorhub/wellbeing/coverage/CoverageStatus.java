package org.mentorhub.wellbeing.coverage;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.TransitionTable;

/**
 * Where a leave-coverage request stands. {@link #TRANSITIONS} is the one table of what may follow
 * what: PENDING → ACCEPTED or REJECTED; PENDING or ACCEPTED → CANCELLED (before the leave starts, a
 * guard of {@link LeaveCoverage}); ACCEPTED → COMPLETED on her return.
 */
public enum CoverageStatus {

	PENDING, ACCEPTED, REJECTED, COMPLETED, CANCELLED;

	/** What somebody does to a request. */
	public enum Action {
		ACCEPT, REJECT, CANCEL, COMPLETE
	}

	/** The legal moves, and the refusal of any other. */
	private static final TransitionTable<CoverageStatus, Action> TABLE = new TransitionTable<>(Action.class, Map.of(
			Action.ACCEPT, Map.of(PENDING, ACCEPTED),
			Action.REJECT, Map.of(PENDING, REJECTED),
			Action.CANCEL, Map.of(PENDING, CANCELLED, ACCEPTED, CANCELLED),
			Action.COMPLETE, Map.of(ACCEPTED, COMPLETED)), "A coverage request", CoverageStatus::verb);

	/** Action, then from-status, then to-status: every legal transition, and no other. */
	public static final Map<Action, Map<CoverageStatus, CoverageStatus>> TRANSITIONS = TABLE.legal();

	/** Whether the request still holds the proxy's time (for overlap checks). */
	public boolean open() {
		return this == PENDING || this == ACCEPTED;
	}

	/** Whether the action may follow this status. */
	public boolean allows(Action action) {
		return TABLE.allows(this, action);
	}

	/** The status the action leads to; 409 with a clear message when this status does not allow it. */
	public CoverageStatus after(Action action) {
		return TABLE.after(this, action);
	}

	/** The actions this status allows, in the table's order. */
	public List<Action> actions() {
		return TABLE.actions(this);
	}

	private static String verb(Action action) {
		return switch (action) {
			case ACCEPT -> "accepted";
			case REJECT -> "rejected";
			case CANCEL -> "cancelled";
			case COMPLETE -> "completed";
		};
	}

}
