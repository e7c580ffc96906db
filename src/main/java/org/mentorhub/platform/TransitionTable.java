package org.mentorhub.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A state machine's one table of legal moves (action, then from-status, then to-status) and what every
 * status enum built on it needs: whether an action is allowed, where it leads (409 with the allowed actions
 * otherwise), and the actions a status allows, in the actions' order.
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

	private final Class<A> actions;

	private final Map<A, Map<S, S>> legal;

	private final String noun;

	private final Function<A, String> verb;

	/**
	 * @param noun what the record is called in a refusal, with its article ("A coverage request")
	 * @param verb the action as a past participle ("accepted")
	 */
	public TransitionTable(Class<A> actions, Map<A, Map<S, S>> legal, String noun, Function<A, String> verb) {
		this.actions = actions;
		Map<A, Map<S, S>> copy = new EnumMap<>(actions);
		for (A action : actions.getEnumConstants()) {
			copy.put(action, Map.copyOf(legal.getOrDefault(action, Map.of())));
		}
		this.legal = Collections.unmodifiableMap(copy);
		this.noun = noun;
		this.verb = verb;
	}

	/** Action, then from-status, then to-status: every legal transition, and no other. */
	public Map<A, Map<S, S>> legal() {
		return this.legal;
	}

	/** Whether the action may follow this status. */
	public boolean allows(S status, A action) {
		return this.legal.get(action).containsKey(status);
	}

	/** The status the action leads to; 409 with a clear message when this status does not allow it. */
	public S after(S status, A action) {
		S next = this.legal.get(action).get(status);
		if (next == null) {
			throw new StateTransitionException(this.noun + " that is " + status.name() + " cannot be "
					+ this.verb.apply(action) + "; allowed now: "
					+ actions(status).stream().map(A::name).reduce((a, b) -> a + ", " + b).orElse("nothing") + ".");
		}
		return next;
	}

	/** The actions this status allows, in the actions' order. */
	public List<A> actions(S status) {
		return Arrays.stream(this.actions.getEnumConstants()).filter(a -> allows(status, a)).toList();
	}

}
