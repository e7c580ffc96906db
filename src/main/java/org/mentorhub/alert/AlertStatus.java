package org.mentorhub.alert;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.StateTransitionException;

/**
 * Where a case stands: OPEN, then ACKNOWLEDGED, IN_PROGRESS, and closed as RESOLVED (with an outcome
 * note) or DISMISSED (with a reason); a closed case may be reopened. {@link Action} and
 * {@link #TRANSITIONS} are the one table of what may follow what: the service, the pages' buttons and
 * the API all ask it.
 */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, DISMISSED;

	/** What somebody does to a case. */
	public enum Action {

		ACKNOWLEDGE, START, RESOLVE, DISMISS, REOPEN;

		/** Whether the action needs a note (an outcome or a reason). */
		public boolean needsNote() {
			return this == RESOLVE || this == DISMISS;
		}

		/** The action of this code (ignoring case and surrounding blanks), if there is one. */
		public static Optional<Action> of(String code) {
			return code == null ? Optional.empty()
					: Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(code.strip())).findFirst();
		}

	}

	/** Action, then from-status, then to-status: every legal transition, and no other. */
	public static final Map<Action, Map<AlertStatus, AlertStatus>> TRANSITIONS = transitions();

	private static Map<Action, Map<AlertStatus, AlertStatus>> transitions() {
		Map<Action, Map<AlertStatus, AlertStatus>> table = new EnumMap<>(Action.class);
		table.put(Action.ACKNOWLEDGE, Map.of(OPEN, ACKNOWLEDGED));
		table.put(Action.START, Map.of(OPEN, IN_PROGRESS, ACKNOWLEDGED, IN_PROGRESS));
		table.put(Action.RESOLVE, Map.of(OPEN, RESOLVED, ACKNOWLEDGED, RESOLVED, IN_PROGRESS, RESOLVED));
		table.put(Action.DISMISS, Map.of(OPEN, DISMISSED, ACKNOWLEDGED, DISMISSED, IN_PROGRESS, DISMISSED));
		table.put(Action.REOPEN, Map.of(RESOLVED, OPEN, DISMISSED, OPEN));
		return java.util.Collections.unmodifiableMap(table);
	}

	/** Whether the case is closed (resolved or dismissed). */
	public boolean closed() {
		return this == RESOLVED || this == DISMISSED;
	}

	/** Whether the action may follow this status. */
	public boolean allows(Action action) {
		return TRANSITIONS.get(action).containsKey(this);
	}

	/** The status the action leads to; 409 with a clear message when this status does not allow it. */
	public AlertStatus after(Action action) {
		AlertStatus next = TRANSITIONS.get(action).get(this);
		if (next == null) {
			throw new StateTransitionException("An alert that is " + name() + " cannot be " + verb(action)
					+ "; allowed now: " + allowed() + ".");
		}
		return next;
	}

	/** The actions this status allows, in the table's order. */
	public java.util.List<Action> actions() {
		return Arrays.stream(Action.values()).filter(this::allows).toList();
	}

	private String allowed() {
		return actions().stream().map(Action::name).reduce((a, b) -> a + ", " + b).orElse("nothing");
	}

	private static String verb(Action action) {
		return switch (action) {
			case ACKNOWLEDGE -> "acknowledged";
			case START -> "started";
			case RESOLVE -> "resolved";
			case DISMISS -> "dismissed";
			case REOPEN -> "reopened";
		};
	}

	/** The status of this code (ignoring case and surrounding blanks), if there is one. */
	public static Optional<AlertStatus> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
