package org.mentorhub.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorhub.TransitionTable;
import org.mentorhub.platform.StateTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The issue's state machine: every legal move leads where the table says, every other pair is a 409;
 * the reporter's part (close, and reopen within 14 days of the resolution) narrows it for them.
 */
class IssueStatusTests {

	static final TransitionTable<IssueStatus, IssueStatus.Action> TABLE = new TransitionTable<>(IssueStatus.class,
			IssueStatus.Action.class, IssueStatus.TRANSITIONS);

	static Stream<Arguments> legal() {
		return TABLE.legalRows();
	}

	static Stream<Arguments> illegal() {
		return TABLE.illegalRows();
	}

	@ParameterizedTest
	@MethodSource("legal")
	void aLegalMoveLeadsWhereTheTableSays(IssueStatus from, IssueStatus.Action action, IssueStatus to) {
		assertThat(from.allows(action)).isTrue();
		assertThat(from.after(action)).isEqualTo(to);
	}

	@ParameterizedTest
	@MethodSource("illegal")
	void anyOtherMoveIsRefusedWithWhatIsAllowed(IssueStatus from, IssueStatus.Action action) {
		assertThat(from.allows(action)).isFalse();
		assertThatThrownBy(() -> from.after(action)).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("An issue that is " + from.name() + " cannot be");
	}

	@Test
	void closedIsFinal() {
		assertThat(IssueStatus.CLOSED.actions()).isEmpty();
		assertThatThrownBy(() -> IssueStatus.CLOSED.after(IssueStatus.Action.START))
			.hasMessage("An issue that is CLOSED cannot be started; allowed now: nothing.");
		assertThat(IssueStatus.RESOLVED.actions()).containsExactly(IssueStatus.Action.CLOSE, IssueStatus.Action.REOPEN);
	}

	@Test
	void theReporterClosesAndReopensWithinFourteenDaysOnly() {
		Instant now = Instant.parse("2026-12-06T12:00:00Z");
		SupportAccess.Reader reporter = new SupportAccess.Reader(7, 1L, false, false);
		assertThat(SupportAccess.actions(reporter, false, 7L, IssueStatus.RESOLVED, now.minus(14, ChronoUnit.DAYS), now))
			.containsExactly(IssueStatus.Action.CLOSE, IssueStatus.Action.REOPEN);
		assertThat(SupportAccess.actions(reporter, false, 7L, IssueStatus.RESOLVED,
				now.minus(14, ChronoUnit.DAYS).minusSeconds(1), now))
			.containsExactly(IssueStatus.Action.CLOSE);
		assertThat(SupportAccess.actions(reporter, false, 7L, IssueStatus.OPEN, null, now))
			.containsExactly(IssueStatus.Action.CLOSE);
		assertThat(SupportAccess.actions(reporter, true, 7L, IssueStatus.OPEN, null, now))
			.containsExactly(IssueStatus.Action.START, IssueStatus.Action.RESOLVE, IssueStatus.Action.CLOSE);
		assertThat(SupportAccess.actions(new SupportAccess.Reader(8, 1L, false, false), false, 7L, IssueStatus.OPEN,
				null, now)).isEmpty();
	}

	@Test
	void spansReadAsPeopleReadThem() {
		assertThat(IssueView.span(30)).isEqualTo("under a minute");
		assertThat(IssueView.span(5400)).isEqualTo("1 h 30 min");
		assertThat(IssueView.span(3 * 86_400 + 4 * 3600)).isEqualTo("3 d 4 h");
		assertThat(IssueView.span(null)).isEmpty();
	}

}
