package org.mentorhub.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
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

import static org.mentorhub.mentorship.MentorshipAction.ACCEPT;
import static org.mentorhub.mentorship.MentorshipAction.APPROVE;
import static org.mentorhub.mentorship.MentorshipAction.DECLINE;
import static org.mentorhub.mentorship.MentorshipAction.END;
import static org.mentorhub.mentorship.MentorshipAction.PAUSE;
import static org.mentorhub.mentorship.MentorshipAction.REJECT;
import static org.mentorhub.mentorship.MentorshipAction.REMATCH;
import static org.mentorhub.mentorship.MentorshipAction.RESUME;
import static org.mentorhub.mentorship.MentorshipAction.WITHDRAW;
import static org.mentorhub.mentorship.MentorshipStatus.ACCEPTED;
import static org.mentorhub.mentorship.MentorshipStatus.ACTIVE;
import static org.mentorhub.mentorship.MentorshipStatus.ENDED;
import static org.mentorhub.mentorship.MentorshipStatus.PAUSED;
import static org.mentorhub.mentorship.MentorshipStatus.PROPOSED;
import static org.mentorhub.mentorship.MentorshipStatus.REJECTED;
import static org.mentorhub.mentorship.MentorshipStatus.REQUESTED;
import static org.mentorhub.mentorship.MentorshipStatus.WITHDRAWN;

/**
 * The guards of {@link Mentorship} without Spring: every status × action pair, legal ones moving to
 * the right status and illegal ones refused with {@link StateTransitionException}, and what
 * {@link Mentorship#actionsFor} offers each kind of person.
 */
class MentorshipTests {

	static final long INSTITUTION = 1;

	static final long DEPARTMENT = 7;

	static final long MENTOR = 10;

	static final long MENTEE = 20;

	static final long ADMIN = 30;

	static final Instant NOW = Instant.parse("2030-05-14T08:00:00Z");

	static final MentorshipUser mentor = new MentorshipUser(MENTOR, INSTITUTION, DEPARTMENT, false, false);

	static final MentorshipUser mentee = new MentorshipUser(MENTEE, INSTITUTION, DEPARTMENT, false, false);

	static final MentorshipUser admin = new MentorshipUser(ADMIN, INSTITUTION, null, true, false);

	static final MentorshipUser coordinator = new MentorshipUser(31, INSTITUTION, DEPARTMENT, false, true);

	static final MentorshipUser otherDepartmentsCoordinator = new MentorshipUser(32, INSTITUTION, 8L, false, true);

	static final MentorshipUser otherInstitutionsAdmin = new MentorshipUser(33, 2L, null, true, false);

	static final MentorshipUser stranger = new MentorshipUser(34, INSTITUTION, DEPARTMENT, false, false);

	/** The status each legal action leads to, from each status that allows it (REQUESTED needs approval here). */
	static final Map<MentorshipAction, Map<MentorshipStatus, MentorshipStatus>> LEGAL = Map.of(
			ACCEPT, Map.of(REQUESTED, ACCEPTED, PROPOSED, ACTIVE),
			DECLINE, Map.of(REQUESTED, REJECTED, PROPOSED, REJECTED),
			APPROVE, Map.of(ACCEPTED, ACTIVE),
			REJECT, Map.of(REQUESTED, REJECTED, PROPOSED, REJECTED, ACCEPTED, REJECTED),
			WITHDRAW, Map.of(REQUESTED, WITHDRAWN, PROPOSED, WITHDRAWN, ACCEPTED, WITHDRAWN),
			PAUSE, Map.of(ACTIVE, PAUSED),
			RESUME, Map.of(PAUSED, ACTIVE),
			END, Map.of(ACTIVE, ENDED, PAUSED, ENDED),
			REMATCH, Map.of(ACTIVE, ENDED, PAUSED, ENDED, ENDED, ENDED));

	static final TransitionTable<MentorshipStatus, MentorshipAction> TABLE = new TransitionTable<>(
			MentorshipStatus.class, MentorshipAction.class, LEGAL);

	static Stream<Arguments> legalTransitions() {
		return TABLE.legalRows();
	}

	static Stream<Arguments> illegalTransitions() {
		return TABLE.illegalRows();
	}

	@ParameterizedTest(name = "{1} moves a {0} mentorship to {2}")
	@MethodSource("legalTransitions")
	void aLegalActionMovesTheMentorshipToItsNextStatus(MentorshipStatus from, MentorshipAction action,
			MentorshipStatus to) {
		Mentorship m = in(from);
		perform(m, action);
		assertThat(m.getStatus()).isEqualTo(to);
	}

	@ParameterizedTest(name = "{1} is refused for a {0} mentorship")
	@MethodSource("illegalTransitions")
	void anIllegalActionIsRefusedAndChangesNothing(MentorshipStatus from, MentorshipAction action) {
		Mentorship m = in(from);
		assertThatThrownBy(() -> perform(m, action)).isInstanceOf(StateTransitionException.class)
			.hasMessageStartingWith("This mentorship is " + from.name().toLowerCase());
		assertThat(m.getStatus()).isEqualTo(from);
	}

	@Test
	void theIllegalTransitionsCoverEveryOtherStatusAndActionPair() {
		long legal = legalTransitions().count();
		long illegal = illegalTransitions().count();
		assertThat(legal + illegal).isEqualTo((long) MentorshipStatus.values().length * MentorshipAction.values().length);
		assertThat(legal).isEqualTo(18);
		assertThat(illegal).isEqualTo(72);
	}

	@Test
	void aMentorAcceptingARequestWithoutApprovalActivatesItAtOnce() {
		Mentorship m = in(REQUESTED);
		m.requireAllowed(ACCEPT);
		m.approveAndActivate(MENTOR, null, NOW);
		assertThat(m.getStatus()).isEqualTo(ACTIVE);
		assertThat(m.getDecidedById()).isEqualTo(MENTOR);
		assertThat(m.getAssignedAt()).isEqualTo(NOW);
	}

	@Test
	void onlyAnUnansweredRequestExpires() {
		for (MentorshipStatus status : MentorshipStatus.values()) {
			Mentorship m = in(status);
			if (status == REQUESTED) {
				m.expire(NOW);
				assertThat(m.getStatus()).isEqualTo(MentorshipStatus.EXPIRED);
			}
			else {
				assertThatThrownBy(() -> m.expire(NOW)).as(status.name()).isInstanceOf(StateTransitionException.class);
			}
		}
	}

	@Test
	void pausingKeepsTheReasonInTheNotesAndEndingRecordsWhyAndWhen() {
		Mentorship m = in(ACTIVE);
		m.pause("Exams", NOW);
		assertThat(m.getNotes()).endsWith("Paused: Exams");
		assertThat(m.getPausedAt()).isEqualTo(NOW);
		m.resume(NOW);
		assertThat(m.getPausedAt()).isNull();
		m.end("Goal reached", NOW);
		assertThat(m.getEndReason()).isEqualTo("Goal reached");
		assertThat(m.getEndedAt()).isEqualTo(NOW);
	}

	@Test
	void theRefusalSaysWhatTheStatusIsAndWhatCannotBeDone() {
		assertThatThrownBy(() -> in(ENDED).pause("x", NOW)).hasMessage("This mentorship is ended, so it cannot be paused.");
		assertThatThrownBy(() -> in(ACTIVE).requireAllowed(APPROVE))
			.hasMessage("This mentorship is active; only a request its mentor accepted waits for approval.");
	}

	// ---------------------------------------------------------------- actionsFor, by role

	static Stream<Arguments> actionsByRoleAndStatus() {
		return Stream.of(
				// A mentee's request.
				Arguments.of(REQUESTED, "mentor", mentor, EnumSet.of(ACCEPT, DECLINE)),
				Arguments.of(REQUESTED, "mentee (requester)", mentee, EnumSet.of(WITHDRAW)),
				Arguments.of(REQUESTED, "administrator", admin, EnumSet.of(REJECT)),
				Arguments.of(REQUESTED, "coordinator", coordinator, EnumSet.of(REJECT)),
				// An administrator's proposal (the administrator is its requester).
				Arguments.of(PROPOSED, "mentor", mentor, EnumSet.of(ACCEPT, DECLINE)),
				Arguments.of(PROPOSED, "mentee", mentee, EnumSet.noneOf(MentorshipAction.class)),
				Arguments.of(PROPOSED, "administrator (proposer)", admin, EnumSet.of(REJECT, WITHDRAW)),
				Arguments.of(PROPOSED, "coordinator", coordinator, EnumSet.of(REJECT, WITHDRAW)),
				// Accepted by the mentor, waiting for approval.
				Arguments.of(ACCEPTED, "mentor", mentor, EnumSet.noneOf(MentorshipAction.class)),
				Arguments.of(ACCEPTED, "mentee (requester)", mentee, EnumSet.of(WITHDRAW)),
				Arguments.of(ACCEPTED, "administrator", admin, EnumSet.of(APPROVE, REJECT)),
				Arguments.of(ACCEPTED, "coordinator", coordinator, EnumSet.of(APPROVE, REJECT)),
				// Running.
				Arguments.of(ACTIVE, "mentor", mentor, EnumSet.of(PAUSE, END)),
				Arguments.of(ACTIVE, "mentee", mentee, EnumSet.of(PAUSE, END)),
				Arguments.of(ACTIVE, "administrator", admin, EnumSet.of(PAUSE, END, REMATCH)),
				Arguments.of(ACTIVE, "coordinator", coordinator, EnumSet.of(PAUSE, END, REMATCH)),
				Arguments.of(PAUSED, "mentor", mentor, EnumSet.of(RESUME, END)),
				Arguments.of(PAUSED, "mentee", mentee, EnumSet.of(RESUME, END)),
				Arguments.of(PAUSED, "administrator", admin, EnumSet.of(RESUME, END, REMATCH)),
				Arguments.of(ENDED, "mentor", mentor, EnumSet.noneOf(MentorshipAction.class)),
				Arguments.of(ENDED, "mentee", mentee, EnumSet.noneOf(MentorshipAction.class)),
				Arguments.of(ENDED, "coordinator", coordinator, EnumSet.of(REMATCH)));
	}

	@ParameterizedTest(name = "{1} of a {0} mentorship may {3}")
	@MethodSource("actionsByRoleAndStatus")
	void eachPersonIsOfferedExactlyTheActionsTheirRelationAndTheStatusAllow(MentorshipStatus status, String who,
			MentorshipUser user, Set<MentorshipAction> expected) {
		assertThat(in(status).actionsFor(user)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void peopleOutsideTheMentorshipAndItsScopeAreOfferedNothing() {
		for (MentorshipStatus status : MentorshipStatus.values()) {
			Mentorship m = in(status);
			assertThat(m.actionsFor(stranger)).as("stranger, " + status).isEmpty();
			assertThat(m.actionsFor(otherDepartmentsCoordinator)).as("other department's coordinator, " + status).isEmpty();
			assertThat(m.actionsFor(otherInstitutionsAdmin)).as("other institution's administrator, " + status).isEmpty();
		}
	}

	@Test
	void finishedMentorshipsOfferNobodyAnything() {
		for (MentorshipStatus status : EnumSet.of(REJECTED, WITHDRAWN, MentorshipStatus.EXPIRED, MentorshipStatus.APPROVED)) {
			for (MentorshipUser user : List.of(mentor, mentee, admin, coordinator)) {
				assertThat(in(status).actionsFor(user)).as(status + " for " + user).isEmpty();
			}
		}
	}

	@Test
	void actionsForIsExactlyWhatTheServiceChecksAllow() {
		for (MentorshipStatus status : MentorshipStatus.values()) {
			for (MentorshipUser user : List.of(mentor, mentee, admin, coordinator, otherDepartmentsCoordinator, stranger)) {
				Mentorship m = in(status);
				for (MentorshipAction action : MentorshipAction.values()) {
					boolean statusAllows = TABLE.allows(status, action);
					assertThat(m.actionsFor(user).contains(action)).as(action + " in " + status + " for " + user)
						.isEqualTo(statusAllows && m.entitles(action, user));
				}
			}
		}
	}

	@Test
	void aViewOffersTheSameActionsAsItsMentorship() {
		for (MentorshipStatus status : MentorshipStatus.values()) {
			Mentorship m = in(status);
			MentorshipView view = new MentorshipView(1, INSTITUTION, DEPARTMENT, MENTOR, "Mentor", MENTEE, "Mentee",
					m.getStatus(), null, null, null, m.getRequestedById(), null, null, null, null, null, null, null, null,
					NOW, NOW, 0);
			for (MentorshipUser user : List.of(mentor, mentee, admin, coordinator, stranger)) {
				assertThat(Mentorship.actionsFor(view, user)).as(status + " for " + user).isEqualTo(m.actionsFor(user));
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	/** Does what {@link Mentorships} does for the action: the guard, then the entity's transition. */
	static void perform(Mentorship m, MentorshipAction action) {
		m.requireAllowed(action);
		switch (action) {
			case ACCEPT -> {
				if (m.getStatus() == REQUESTED) {
					m.acceptPendingApproval(MENTOR, NOW);
				}
				else {
					m.approveAndActivate(MENTOR, null, NOW);
				}
			}
			case DECLINE -> m.reject(MENTOR, "No time", NOW);
			case APPROVE -> m.approveAndActivate(ADMIN, null, NOW);
			case REJECT -> m.reject(ADMIN, "Not a fit", NOW);
			case WITHDRAW -> m.withdraw(NOW);
			case PAUSE -> m.pause("Exams", NOW);
			case RESUME -> m.resume(NOW);
			case END -> m.end("Done", NOW);
			case REMATCH -> {
				if (m.getStatus() != ENDED) {
					m.end("Re-match", NOW);
				}
			}
		}
	}

	/** A mentorship of the institution's department 7 in the status, reached through its transitions. */
	static Mentorship in(MentorshipStatus status) {
		return switch (status) {
			case REQUESTED -> request();
			case PROPOSED -> Mentorship.propose(INSTITUTION, DEPARTMENT, MENTOR, MENTEE, "Goal", "Notes", ADMIN, NOW);
			case ACCEPTED -> with(request(), m -> m.acceptPendingApproval(MENTOR, NOW));
			case ACTIVE -> with(in(PROPOSED), m -> m.approveAndActivate(MENTOR, null, NOW));
			case PAUSED -> with(in(ACTIVE), m -> m.pause("Exams", NOW));
			case ENDED -> with(in(ACTIVE), m -> m.end("Done", NOW));
			case REJECTED -> with(request(), m -> m.reject(MENTOR, "No time", NOW));
			case WITHDRAWN -> with(request(), m -> m.withdraw(NOW));
			case EXPIRED -> with(request(), m -> m.expire(NOW));
			// Never a resting state (approval activates at once); set directly so its row is covered too.
			case APPROVED -> with(request(), m -> force(m, MentorshipStatus.APPROVED));
		};
	}

	private static Mentorship request() {
		return Mentorship.request(INSTITUTION, DEPARTMENT, MENTOR, MENTEE, "Goal", 1, MENTEE, NOW);
	}

	private static Mentorship with(Mentorship m, java.util.function.Consumer<Mentorship> change) {
		change.accept(m);
		return m;
	}

	private static void force(Mentorship m, MentorshipStatus status) {
		try {
			Field field = Mentorship.class.getDeclaredField("status");
			field.setAccessible(true);
			field.set(m, status);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
