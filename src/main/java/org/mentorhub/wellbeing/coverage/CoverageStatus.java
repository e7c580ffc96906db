package org.mentorhub.wellbeing.coverage;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.StateTransitionException;

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

	/** Action, then from-status, then to-status: every legal transition, and no other. */
	public static final Map<Action, Map<CoverageStatus, CoverageStatus>> TRANSITIONS = transitions();

	private static Map<Action, Map<CoverageStatus, CoverageStatus>> transitions() {
		Map<Action, Map<CoverageStatus, CoverageStatus>> table = new EnumMap<>(Action.class);
		table.put(Action.ACCEPT, Map.of(PENDING, ACCEPTED));
		table.put(Action.REJECT, Map.of(PENDING, REJECTED));
		table.put(Action.CANCEL, Map.of(PENDING, CANCELLED, ACCEPTED, CANCELLED));
		table.put(Action.COMPLETE, Map.of(ACCEPTED, COMPLETED));
		return Collections.unmodifiableMap(table);
	}

	/** Whether the request still holds the proxy's time (for overlap checks). */
	public boolean open() {
		return this == PENDING || this == ACCEPTED;
	}

	/** Whether the action may follow this status. */
	public boolean allows(Action action) {
		return TRANSITIONS.get(action).containsKey(this);
	}

	/** The status the action leads to; 409 with a clear message when this status does not allow it. */
	public CoverageStatus after(Action action) {
		CoverageStatus next = TRANSITIONS.get(action).get(this);
		if (next == null) {
			throw new StateTransitionException("A coverage request that is " + name() + " cannot be " + verb(action)
					+ "; allowed now: " + actions().stream().map(Action::name).reduce((a, b) -> a + ", " + b)
						.orElse("nothing") + ".");
		}
		return next;
	}

	/** The actions this status allows, in the table's order. */
	public List<Action> actions() {
		return Arrays.stream(Action.values()).filter(this::allows).toList();
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
