package org.mentorhub.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.TransitionTable;

/**
 * Where an issue stands: OPEN, IN_PROGRESS, RESOLVED, and CLOSED for good; a RESOLVED issue may be
 * reopened. {@link #TRANSITIONS} is the one table of what may follow what: the service, the pages'
 * buttons and the API all ask it. Who may take which action is {@link SupportAccess}'s.
 */
public enum IssueStatus {

	OPEN, IN_PROGRESS, RESOLVED, CLOSED;

	/** What somebody does to an issue. */
	public enum Action {

		START, RESOLVE, CLOSE, REOPEN;

		/** The action of this code (ignoring case and surrounding blanks), if there is one. */
		public static Optional<Action> of(String code) {
			return code == null ? Optional.empty()
					: Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(code.strip())).findFirst();
		}

	}

	/** The legal moves, and the refusal of any other. */
	private static final TransitionTable<IssueStatus, Action> TABLE = new TransitionTable<>(Action.class, Map.of(
			Action.START, Map.of(OPEN, IN_PROGRESS),
			Action.RESOLVE, Map.of(OPEN, RESOLVED, IN_PROGRESS, RESOLVED),
			Action.CLOSE, Map.of(OPEN, CLOSED, IN_PROGRESS, CLOSED, RESOLVED, CLOSED),
			Action.REOPEN, Map.of(RESOLVED, OPEN)), "An issue", IssueStatus::verb);

	/** Action, then from-status, then to-status: every legal transition, and no other. */
	public static final Map<Action, Map<IssueStatus, IssueStatus>> TRANSITIONS = TABLE.legal();

	/** Whether the issue is still being worked on (open or in progress). */
	public boolean active() {
		return this == OPEN || this == IN_PROGRESS;
	}

	/** Whether the action may follow this status. */
	public boolean allows(Action action) {
		return TABLE.allows(this, action);
	}

	/** The status the action leads to; 409 with a clear message when this status does not allow it. */
	public IssueStatus after(Action action) {
		return TABLE.after(this, action);
	}

	/** The actions this status allows, in the table's order. */
	public List<Action> actions() {
		return TABLE.actions(this);
	}

	private static String verb(Action action) {
		return switch (action) {
			case START -> "started";
			case RESOLVE -> "resolved";
			case CLOSE -> "closed";
			case REOPEN -> "reopened";
		};
	}

	/** The status of this code (ignoring case and surrounding blanks), if there is one. */
	public static Optional<IssueStatus> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
