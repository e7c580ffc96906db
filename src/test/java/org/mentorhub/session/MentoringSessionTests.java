package org.mentorhub.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.session.SessionAction.ACCEPT_TIME;
import static org.mentorhub.session.SessionAction.CANCEL;
import static org.mentorhub.session.SessionAction.COMPLETE;
import static org.mentorhub.session.SessionAction.CONFIRM;
import static org.mentorhub.session.SessionAction.DECLINE_TIME;
import static org.mentorhub.session.SessionAction.REJECT;
import static org.mentorhub.session.SessionAction.RESCHEDULE;
import static org.mentorhub.session.SessionAction.SUBMIT;
import static org.mentorhub.session.SessionStatus.CANCELLED;
import static org.mentorhub.session.SessionStatus.COMPLETED;
import static org.mentorhub.session.SessionStatus.CONFIRMED;
import static org.mentorhub.session.SessionStatus.PENDING;
import static org.mentorhub.session.SessionStatus.PROPOSED;
import static org.mentorhub.session.SessionStatus.REJECTED;
import static org.mentorhub.session.SessionStatus.REQUESTED;
import static org.mentorhub.session.SessionStatus.RESCHEDULED;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorhub.TransitionTable;
import org.mentorhub.platform.StateTransitionException;

/**
 * The guards of {@link MentoringSession} without Spring: every status × action pair, legal ones
 * moving to the right status and illegal ones refused with {@link StateTransitionException}, the
 * clock's part (a session is recorded once it has started), and what {@link MentoringSession#actionsFor}
 * offers the mentor and the mentee.
 */
class MentoringSessionTests {

	static final long MENTOR = 10;

	static final long MENTEE = 20;

	static final long STRANGER = 30;

	static final Instant CREATED = Instant.parse("2030-05-01T08:00:00Z");

	static final Instant START = Instant.parse("2030-05-14T08:00:00Z");

	static final Instant BEFORE_START = START.minus(Duration.ofDays(1));

	static final Instant AFTER_START = START.plus(Duration.ofHours(2));

	/** The status each legal action leads to, from each status that allows it (a proposal's new time declined: back to proposed). */
	static final Map<SessionAction, Map<SessionStatus, SessionStatus>> LEGAL = Map.of(
			SUBMIT, Map.of(PENDING, PROPOSED),
			CONFIRM, Map.of(PROPOSED, CONFIRMED, REQUESTED, CONFIRMED),
			REJECT, Map.of(PROPOSED, REJECTED, REQUESTED, REJECTED),
			RESCHEDULE, Map.of(PROPOSED, RESCHEDULED, REQUESTED, RESCHEDULED, CONFIRMED, RESCHEDULED),
			ACCEPT_TIME, Map.of(RESCHEDULED, CONFIRMED),
			DECLINE_TIME, Map.of(RESCHEDULED, PROPOSED),
			CANCEL, Map.of(PENDING, CANCELLED, PROPOSED, CANCELLED, REQUESTED, CANCELLED, CONFIRMED, CANCELLED,
					RESCHEDULED, CANCELLED),
			COMPLETE, Map.of(CONFIRMED, COMPLETED));

	static final TransitionTable<SessionStatus, SessionAction> TABLE = new TransitionTable<>(SessionStatus.class,
			SessionAction.class, LEGAL);

	static Stream<Arguments> legalTransitions() {
		return TABLE.legalRows();
	}

	static Stream<Arguments> illegalTransitions() {
		return TABLE.illegalRows();
	}

	@ParameterizedTest(name = "{1} moves a {0} session to {2}")
	@MethodSource("legalTransitions")
	void aLegalActionMovesTheSessionToItsNextStatus(SessionStatus from, SessionAction action, SessionStatus to) {
		MentoringSession s = in(from);
		perform(s, action, AFTER_START);
		assertThat(s.getStatus()).isEqualTo(to);
	}

	@ParameterizedTest(name = "{1} is refused for a {0} session")
	@MethodSource("illegalTransitions")
	void anIllegalActionIsRefusedAndChangesNothing(SessionStatus from, SessionAction action) {
		MentoringSession s = in(from);
		int sequence = s.getIcalSequence();
		assertThatThrownBy(() -> perform(s, action, AFTER_START)).isInstanceOf(StateTransitionException.class)
			.hasMessageStartingWith("This session is " + from.name().toLowerCase());
		assertThat(s.getStatus()).isEqualTo(from);
		assertThat(s.getIcalSequence()).isEqualTo(sequence);
	}

	@Test
	void theIllegalTransitionsCoverEveryOtherStatusAndActionPair() {
		assertThat(legalTransitions().count()).isEqualTo(16);
		assertThat(illegalTransitions().count()).isEqualTo(8 * 8 - 16);
	}

	@Test
	void aConfirmedSessionIsNotRecordedBeforeItStarts() {
		MentoringSession s = in(CONFIRMED);
		assertThatThrownBy(() -> perform(s, COMPLETE, BEFORE_START)).isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("not started");
		assertThat(s.getStatus()).isEqualTo(CONFIRMED);
		assertThat(s.actionsFor(MENTOR, BEFORE_START)).doesNotContain(COMPLETE);
		assertThat(s.actionsFor(MENTOR, START)).contains(COMPLETE);
	}

	@Test
	void decliningANewTimeGoesBackToTheStatusBeforeAndAcceptingItMovesTheSession() {
		MentoringSession confirmed = in(CONFIRMED);
		Instant newStart = START.plus(Duration.ofDays(1));
		confirmed.proposeTime(newStart, MENTOR, null, CREATED);
		confirmed.declineTime(null, CREATED);
		assertThat(confirmed.getStatus()).isEqualTo(CONFIRMED);
		assertThat(confirmed.getScheduledAt()).isEqualTo(START);
		confirmed.proposeTime(newStart, MENTEE, null, CREATED);
		confirmed.acceptTime(null, CREATED);
		assertThat(confirmed.getStatus()).isEqualTo(CONFIRMED);
		assertThat(confirmed.getScheduledAt()).isEqualTo(newStart);
	}

	@Test
	void theCalendarSequenceGrowsOnlyWithChangesAfterTheFirstConfirmation() {
		MentoringSession s = in(PROPOSED);
		s.confirm(null, CREATED);
		assertThat(s.getIcalSequence()).isZero();
		s.proposeTime(START.plus(Duration.ofDays(1)), MENTOR, null, CREATED);
		assertThat(s.getIcalSequence()).isEqualTo(1);
		s.cancel(null, CREATED);
		assertThat(s.getIcalSequence()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- actionsFor, by role

	static Stream<Arguments> actionsByRoleAndStatus() {
		return Stream.of(
				// The mentor's draft (only its creator sees it).
				Arguments.of(PENDING, "mentor (creator)", MENTOR, EnumSet.of(SUBMIT, CANCEL)),
				// The mentor's proposal: the mentee answers.
				Arguments.of(PROPOSED, "mentor", MENTOR, EnumSet.of(RESCHEDULE, CANCEL)),
				Arguments.of(PROPOSED, "mentee", MENTEE, EnumSet.of(CONFIRM, REJECT, RESCHEDULE, CANCEL)),
				// The mentee's request: the mentor answers.
				Arguments.of(REQUESTED, "mentor", MENTOR, EnumSet.of(CONFIRM, REJECT, RESCHEDULE, CANCEL)),
				Arguments.of(REQUESTED, "mentee", MENTEE, EnumSet.of(RESCHEDULE, CANCEL)),
				// Confirmed and started: either may record it.
				Arguments.of(CONFIRMED, "mentor", MENTOR, EnumSet.of(RESCHEDULE, CANCEL, COMPLETE)),
				Arguments.of(CONFIRMED, "mentee", MENTEE, EnumSet.of(RESCHEDULE, CANCEL, COMPLETE)),
				// A new time proposed by the mentor: the mentee answers it.
				Arguments.of(RESCHEDULED, "mentor (proposer)", MENTOR, EnumSet.of(CANCEL)),
				Arguments.of(RESCHEDULED, "mentee", MENTEE, EnumSet.of(ACCEPT_TIME, DECLINE_TIME, CANCEL)),
				Arguments.of(REJECTED, "mentor", MENTOR, EnumSet.noneOf(SessionAction.class)),
				Arguments.of(COMPLETED, "mentee", MENTEE, EnumSet.noneOf(SessionAction.class)),
				Arguments.of(CANCELLED, "mentor", MENTOR, EnumSet.noneOf(SessionAction.class)));
	}

	@ParameterizedTest(name = "the {1} of a {0} session may {3}")
	@MethodSource("actionsByRoleAndStatus")
	void eachParticipantIsOfferedExactlyTheActionsTheirRoleTheStatusAndTheClockAllow(SessionStatus status, String who,
			long user, Set<SessionAction> expected) {
		assertThat(in(status).actionsFor(user, AFTER_START)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void someoneWhoIsNotAParticipantIsOfferedNothing() {
		for (SessionStatus status : SessionStatus.values()) {
			assertThat(in(status).actionsFor(STRANGER, AFTER_START)).as(status.name()).isEmpty();
		}
	}

	@Test
	void actionsForIsExactlyWhatTheServiceChecksAllow() {
		for (SessionStatus status : SessionStatus.values()) {
			for (long user : List.of(MENTOR, MENTEE)) {
				for (SessionAction action : SessionAction.values()) {
					MentoringSession s = in(status);
					boolean allowed = s.entitles(action, user) && succeeds(() -> perform(s, action, AFTER_START));
					assertThat(in(status).actionsFor(user, AFTER_START).contains(action))
						.as(action + " in " + status + " for " + user).isEqualTo(allowed);
				}
			}
		}
	}

	@Test
	void aViewOffersTheSameActionsAsItsSession() {
		for (SessionStatus status : SessionStatus.values()) {
			MentoringSession s = in(status);
			SessionView view = new SessionView(1, 5, MENTOR, "Mentor", MENTEE, "Mentee", "Title", null, null,
					s.getScheduledAt(), s.getScheduledAt().plus(Duration.ofHours(1)), "UTC", 60, s.getStatus(),
					SessionMode.ONLINE, null, null, s.getProposedDate(), s.getProposedById(), null, null, null, null, null,
					s.getCreatedById(), null, null, "uid", 0, 0, "UTC", null, null, null);
			for (long user : List.of(MENTOR, MENTEE, STRANGER)) {
				assertThat(MentoringSession.actionsFor(view, user, AFTER_START)).as(status + " for " + user)
					.isEqualTo(s.actionsFor(user, AFTER_START));
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	private static boolean succeeds(Runnable action) {
		try {
			action.run();
			return true;
		}
		catch (StateTransitionException ex) {
			return false;
		}
	}

	/** The entity's transition for the action, as {@link Sessions} calls it. */
	static void perform(MentoringSession s, SessionAction action, Instant now) {
		switch (action) {
			case SUBMIT -> s.submit(PROPOSED, now);
			case CONFIRM -> s.confirm(null, now);
			case REJECT -> s.reject("No", now);
			case RESCHEDULE -> s.proposeTime(START.plus(Duration.ofDays(2)), MENTOR, null, now);
			case ACCEPT_TIME -> s.acceptTime(null, now);
			case DECLINE_TIME -> s.declineTime(null, now);
			case CANCEL -> s.cancel(null, now);
			case COMPLETE -> s.complete(Attendance.PRESENT, "Topic", "Summary", LocalDate.of(2030, 6, 1), now);
		}
	}

	/** A session created by the mentor, in the status, reached through its transitions. */
	static MentoringSession in(SessionStatus status) {
		return switch (status) {
			case PENDING, PROPOSED, REQUESTED -> created(status);
			case CONFIRMED -> with(created(PROPOSED), s -> s.confirm(null, CREATED));
			case RESCHEDULED -> with(created(PROPOSED), s -> s.proposeTime(START.plus(Duration.ofDays(1)), MENTOR, null, CREATED));
			case REJECTED -> with(created(PROPOSED), s -> s.reject("No", CREATED));
			case COMPLETED -> with(in(CONFIRMED), s -> s.complete(Attendance.PRESENT, null, null, null, AFTER_START));
			case CANCELLED -> with(created(PROPOSED), s -> s.cancel(null, CREATED));
		};
	}

	private static MentoringSession created(SessionStatus status) {
		SessionDetails details = new SessionDetails("Title", null, null, START, ZoneId.of("UTC"), 60, SessionMode.ONLINE,
				null, null);
		return MentoringSession.create(5, MENTOR, MENTEE, MENTOR, status, details, "uid@mentorhub", CREATED);
	}

	private static MentoringSession with(MentoringSession s, java.util.function.Consumer<MentoringSession> change) {
		change.accept(s);
		return s;
	}

}
