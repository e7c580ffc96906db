package org.mentorhub.wellbeing.coverage;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorhub.TransitionTable;
import org.mentorhub.platform.StateTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coverage request's state machine: every legal move leads where the table says, every other pair is a 409. */
class CoverageStatusTests {

	static final TransitionTable<CoverageStatus, CoverageStatus.Action> TABLE = new TransitionTable<>(
			CoverageStatus.class, CoverageStatus.Action.class, CoverageStatus.TRANSITIONS);

	static Stream<Arguments> legal() {
		return TABLE.legalRows();
	}

	static Stream<Arguments> illegal() {
		return TABLE.illegalRows();
	}

	@ParameterizedTest
	@MethodSource("legal")
	void aLegalMoveLeadsWhereTheTableSays(CoverageStatus from, CoverageStatus.Action action, CoverageStatus to) {
		assertThat(from.allows(action)).isTrue();
		assertThat(from.after(action)).isEqualTo(to);
	}

	@ParameterizedTest
	@MethodSource("illegal")
	void anyOtherMoveIsRefusedWithWhatIsAllowed(CoverageStatus from, CoverageStatus.Action action) {
		assertThat(from.allows(action)).isFalse();
		assertThatThrownBy(() -> from.after(action)).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("A coverage request that is " + from.name() + " cannot be");
	}

	@Test
	void theClosedStatusesAreFinal() {
		assertThat(CoverageStatus.REJECTED.actions()).isEmpty();
		assertThat(CoverageStatus.COMPLETED.actions()).isEmpty();
		assertThat(CoverageStatus.CANCELLED.actions()).isEmpty();
		assertThat(CoverageStatus.PENDING.actions()).containsExactly(CoverageStatus.Action.ACCEPT,
				CoverageStatus.Action.REJECT, CoverageStatus.Action.CANCEL);
		assertThatThrownBy(() -> CoverageStatus.COMPLETED.after(CoverageStatus.Action.CANCEL))
			.hasMessage("A coverage request that is COMPLETED cannot be cancelled; allowed now: nothing.");
	}

}
