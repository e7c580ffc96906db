package org.mentorhub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * A state machine's legal transitions (action → from-status → to-status), and from it the rows of a
 * parameterised guard test: every legal (from, action, to) and every other (status, action) pair,
 * so that no pair of the two enums goes untested.
 */
public record TransitionTable<S extends Enum<S>, A extends Enum<A>>(Class<S> statuses, Class<A> actions,
		Map<A, Map<S, S>> legal) {

	/** Whether the status allows the action. */
	public boolean allows(S status, A action) {
		return this.legal.getOrDefault(action, Map.of()).containsKey(status);
	}

	/** (from, action, to) for every legal transition. */
	public Stream<Arguments> legalRows() {
		List<Arguments> rows = new ArrayList<>();
		this.legal.forEach((action, from) -> from.forEach((status, to) -> rows.add(Arguments.of(status, action, to))));
		return rows.stream();
	}

	/** (status, action) for every pair that is not a legal transition. */
	public Stream<Arguments> illegalRows() {
		List<Arguments> rows = new ArrayList<>();
		for (S status : this.statuses.getEnumConstants()) {
			for (A action : this.actions.getEnumConstants()) {
				if (!allows(status, action)) {
					rows.add(Arguments.of(status, action));
				}
			}
		}
		return rows.stream();
	}

}
