package org.mentorhub.alert;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorhub.TransitionTable;
import org.mentorhub.platform.StateTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's state machine: every legal move leads where the table says, and every other pair is a 409. */
class AlertStatusTests {

	static final TransitionTable<AlertStatus, AlertStatus.Action> TABLE = new TransitionTable<>(AlertStatus.class,
			AlertStatus.Action.class, AlertStatus.TRANSITIONS);

	static Stream<Arguments> legal() {
		return TABLE.legalRows();
	}

	static Stream<Arguments> illegal() {
		return TABLE.illegalRows();
	}

	@ParameterizedTest
	@MethodSource("legal")
	void aLegalMoveLeadsWhereTheTableSays(AlertStatus from, AlertStatus.Action action, AlertStatus to) {
		assertThat(from.allows(action)).isTrue();
		assertThat(from.after(action)).isEqualTo(to);
	}

	@ParameterizedTest
	@MethodSource("illegal")
	void anyOtherMoveIsRefusedWithWhatIsAllowed(AlertStatus from, AlertStatus.Action action) {
		assertThat(from.allows(action)).isFalse();
		assertThatThrownBy(() -> from.after(action)).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("An alert that is " + from.name() + " cannot be");
	}

	@Test
	void aResolvedCaseCannotBeAcknowledgedOnlyReopened() {
		assertThatThrownBy(() -> AlertStatus.RESOLVED.after(AlertStatus.Action.ACKNOWLEDGE))
			.hasMessage("An alert that is RESOLVED cannot be acknowledged; allowed now: REOPEN.");
		assertThat(AlertStatus.RESOLVED.actions()).containsExactly(AlertStatus.Action.REOPEN);
		assertThat(AlertStatus.OPEN.actions()).containsExactly(AlertStatus.Action.ACKNOWLEDGE, AlertStatus.Action.START,
				AlertStatus.Action.RESOLVE, AlertStatus.Action.DISMISS);
	}

	@Test
	void closingNeedsANote() {
		assertThat(AlertStatus.Action.RESOLVE.needsNote()).isTrue();
		assertThat(AlertStatus.Action.DISMISS.needsNote()).isTrue();
		assertThat(AlertStatus.Action.ACKNOWLEDGE.needsNote()).isFalse();
	}

}
