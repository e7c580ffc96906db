package org.mentorhub.mentorship;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every transition of the life cycle through the facade: legal, illegal, bad input, wrong user. */
@MentorHubIntegrationTest
@RecordApplicationEvents
class MentorshipLifecycleIntegrationTests {

	@Autowired
	Mentorships mentorships;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	MentorshipTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
	}

	@Test
	void requestAcceptApprovePauseResumeEndKeepsTheSeedColumnsAndTheCount() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account admin = this.t.account(this.t.university(), null, RoleName.ADMIN);

		MentorshipView requested = this.t.as(mentee,
				() -> this.mentorships.request(List.of(new Mentorships.Choice(mentor.id(), "Learn Java"))));
		assertThat(requested.status()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(requested.goal()).isEqualTo("Learn Java");
		assertThat(requested.departmentId()).isEqualTo(mentee.departmentId());
		assertThat(requested.requestedById()).isEqualTo(mentee.id());
		assertThat(this.events.stream(MentorshipRequested.class)).hasSize(1);

		// The university needs an administrator's approval after the mentor accepts.
		MentorshipView accepted = this.t.as(mentor, () -> this.mentorships.accept(requested.id(), null));
		assertThat(accepted.status()).isEqualTo(MentorshipStatus.ACCEPTED);
		assertThat(this.t.count(mentor)).isZero();

		MentorshipView active = this.t.as(admin, () -> this.mentorships.approve(requested.id(), "Good fit", null));
		assertThat(active.status()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(active.decidedById()).isEqualTo(admin.id());
		assertThat(active.decisionReason()).isEqualTo("Good fit");
		assertThat(active.assignedById()).isEqualTo(admin.id());
		assertThat(active.assignedAt()).isNotNull();
		assertThat(this.t.count(mentor)).isEqualTo(1).isEqualTo(this.t.holding(mentor));
		assertThat(this.events.stream(MentorshipApproved.class)).hasSize(1);
		assertThat(this.events.stream(MentorshipActivated.class)).hasSize(1);

		MentorshipView paused = this.t.as(mentee, () -> this.mentorships.pause(requested.id(), "Exams", null));
		assertThat(paused.status()).isEqualTo(MentorshipStatus.PAUSED);
		assertThat(paused.pausedAt()).isNotNull();
		assertThat(paused.notes()).contains("Paused: Exams");
		// A paused mentorship keeps its place.
		assertThat(this.t.count(mentor)).isEqualTo(1).isEqualTo(this.t.holding(mentor));

		MentorshipView resumed = this.t.as(mentor, () -> this.mentorships.resume(requested.id(), null));
		assertThat(resumed.status()).isEqualTo(MentorshipStatus.ACTIVE);

		MentorshipView ended = this.t.as(admin, () -> this.mentorships.end(requested.id(), "Goal reached", null));
		assertThat(ended.status()).isEqualTo(MentorshipStatus.ENDED);
		assertThat(ended.endReason()).isEqualTo("Goal reached");
		assertThat(ended.endedAt()).isNotNull();
		assertThat(this.t.count(mentor)).isZero().isEqualTo(this.t.holding(mentor));
		assertThat(this.events.stream(MentorshipPaused.class)).hasSize(1);
		assertThat(this.events.stream(MentorshipResumed.class)).hasSize(1);
		assertThat(this.events.stream(MentorshipEnded.class)).hasSize(1);

		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'mentorship' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(requested.id()))
			.query(String.class)
			.list()).containsExactly("MENTORSHIP_REQUESTED", "MENTORSHIP_ACCEPTED", "MENTORSHIP_APPROVED",
					"MENTORSHIP_PAUSED", "MENTORSHIP_RESUMED", "MENTORSHIP_ENDED");

		// Illegal transitions of an ended mentorship: 409 with a clear message.
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.pause(requested.id(), "again", null)))
			.isInstanceOf(StateTransitionException.class)
			.hasMessage("This mentorship is ended, so it cannot be paused.");
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.resume(requested.id(), null)))
			.isInstanceOf(StateTransitionException.class);
		assertThatThrownBy(() -> this.t.as(admin, () -> this.mentorships.end(requested.id(), "again", null)))
			.isInstanceOf(StateTransitionException.class);
		assertThatThrownBy(() -> this.t.as(mentor, () -> this.mentorships.accept(requested.id(), null)))
			.isInstanceOf(StateTransitionException.class);
		assertThatThrownBy(() -> this.t.as(admin, () -> this.mentorships.approve(requested.id(), null, null)))
			.isInstanceOf(StateTransitionException.class);
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.withdraw(requested.id(), null)))
			.isInstanceOf(StateTransitionException.class);
	}

	@Test
	void withoutApprovalTheMentorsAcceptanceActivates() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		long id = this.t.insert(mentor, mentee, "REQUESTED");
		long institution = mentee.institutionId();
		this.jdbc.sql("UPDATE institutions SET mentorship_approval_required = FALSE WHERE id = :i").param("i", institution).update();
		try {
			MentorshipView active = this.t.as(mentor, () -> this.mentorships.accept(id, null));
			assertThat(active.status()).isEqualTo(MentorshipStatus.ACTIVE);
			assertThat(active.decidedById()).isEqualTo(mentor.id());
			assertThat(this.t.count(mentor)).isEqualTo(1);
		}
		finally {
			this.jdbc.sql("UPDATE institutions SET mentorship_approval_required = TRUE WHERE id = :i").param("i", institution).update();
		}
	}

	@Test
	void aFullMentorCannotBeApproved() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		Account admin = this.t.account(this.t.university(), null, RoleName.ADMIN);
		long first = this.t.insert(mentor, this.t.account(this.t.university(), "CS", RoleName.MENTEE), "ACCEPTED");
		long second = this.t.insert(mentor, this.t.account(this.t.university(), "CS", RoleName.MENTEE), "ACCEPTED");
		this.t.run(admin, () -> this.mentorships.approve(first, null, null));
		assertThatThrownBy(() -> this.t.as(admin, () -> this.mentorships.approve(second, null, null)))
			.isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("has no free place");
		assertThat(this.t.status(second)).isEqualTo("ACCEPTED");
		assertThat(this.t.count(mentor)).isEqualTo(1).isEqualTo(this.t.holding(mentor));
	}

	@Test
	void proposalAcceptedByTheMentorIsActiveAndRematchEndsAndProposesAgain() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 3);
		Account other = this.t.mentor(this.t.university(), "CS", 3);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account coordinator = this.t.account(this.t.university(), "CS", RoleName.COORDINATOR);
		MentorshipView proposed = this.t.as(coordinator,
				() -> this.mentorships.propose(mentee.id(), mentor.id(), "Settle in", "Buddy for term one"));
		assertThat(proposed.status()).isEqualTo(MentorshipStatus.PROPOSED);
		assertThat(proposed.assignedById()).isEqualTo(coordinator.id());
		assertThat(proposed.notes()).isEqualTo("Buddy for term one");
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.accept(proposed.id(), null)))
			.isInstanceOf(AccessDeniedException.class);
		MentorshipView active = this.t.as(mentor, () -> this.mentorships.accept(proposed.id(), null));
		assertThat(active.status()).isEqualTo(MentorshipStatus.ACTIVE);

		MentorshipView rematch = this.t.as(coordinator,
				() -> this.mentorships.rematch(proposed.id(), other.id(), "Not a good fit", null, null));
		assertThat(rematch.status()).isEqualTo(MentorshipStatus.PROPOSED);
		assertThat(rematch.mentorId()).isEqualTo(other.id());
		assertThat(rematch.goal()).isEqualTo("Settle in");
		assertThat(this.t.status(proposed.id())).isEqualTo("ENDED");
		assertThat(this.t.count(mentor)).isZero();

		// The proposer withdraws the new proposal before a decision.
		assertThat(this.t.as(coordinator, () -> this.mentorships.withdraw(rematch.id(), null)).status())
			.isEqualTo(MentorshipStatus.WITHDRAWN);
	}

	@Test
	void rankedChoicesMoveOnWhenDeclinedAndTellTheMentee() {
		Account first = this.t.mentor(this.t.university(), "CS", 2);
		Account second = this.t.mentor(this.t.university(), "BUS", 2);
		Account third = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		MentorshipView asked = this.t.as(mentee, () -> this.mentorships.request(List.of(
				new Mentorships.Choice(first.id(), "Goal one"), new Mentorships.Choice(second.id(), "Goal two"),
				new Mentorships.Choice(third.id(), "Goal three"))));
		assertThat(asked.mentorId()).isEqualTo(first.id());
		assertThat(asked.preferenceRank()).isEqualTo(1);
		// The mentor asked is told (the notification module's listener, after the commit, by e-mail at once by
		// default), with the link to answer; the mentors not yet asked are not.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to AND subject LIKE '%asks you to be their mentor'"
				+ " AND body_text LIKE :link")
			.param("to", first.email()).param("link", "%/mentorships/" + asked.id() + "%").query(Integer.class).single())
			.isEqualTo(1));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to")
			.param("to", second.email()).query(Integer.class).single()).isZero();

		assertThatThrownBy(() -> this.t.as(first, () -> this.mentorships.decline(asked.id(), " ", null)))
			.isInstanceOf(InvalidInputException.class);
		this.t.run(first, () -> this.mentorships.decline(asked.id(), "My diary is full", null));
		assertThat(this.t.status(asked.id())).isEqualTo("REJECTED");
		MentorshipView next = this.t.as(mentee, () -> this.mentorships.mine()).get(0);
		assertThat(next.mentorId()).isEqualTo(second.id());
		assertThat(next.status()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(next.goal()).isEqualTo("Goal two");
		assertThat(next.preferenceRank()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to AND body_text LIKE :link")
				.param("to", second.email()).param("link", "%/mentorships/" + next.id() + "%").query(Integer.class).single())
				.isEqualTo(1);
			// The mentee hears who is asked next; the reason is on the mentorship's page, not in the mail.
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to"
					+ " AND subject LIKE '%cannot mentor you this time' AND body_text LIKE '%your next choice%'"
					+ " AND body_text NOT LIKE '%My diary is full%'")
				.param("to", mentee.email()).query(Integer.class).single()).isEqualTo(1);
		});

		// The mentee withdraws: the waiting third choice is dropped as well.
		this.t.run(mentee, () -> this.mentorships.withdraw(next.id(), null));
		assertThat(this.t.as(mentee, () -> this.mentorships.myWaitingChoices())).isEmpty();
	}

	@Test
	void badRequestsAreRefusedAndNothingIsWritten() {
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account mentor = this.t.mentor(this.t.university(), "CS", 2);
		Account foreign = this.t.mentor(this.t.company(), "ENGR", 2);
		Account a = this.t.mentor(this.t.university(), "CS", 2);
		Account b = this.t.mentor(this.t.university(), "CS", 2);
		assertThatThrownBy(() -> this.t.as(mentee,
				() -> this.mentorships.request(List.of(new Mentorships.Choice(mentee.id(), "me")))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("You cannot ask yourself to be your mentor.");
		assertThatThrownBy(() -> this.t.as(mentee,
				() -> this.mentorships.request(List.of(new Mentorships.Choice(foreign.id(), "abroad")))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("Choose a mentor of your institution.");
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.request(List.of(
				new Mentorships.Choice(mentor.id(), "x"), new Mentorships.Choice(a.id(), "x"),
				new Mentorships.Choice(b.id(), "x"), new Mentorships.Choice(this.t.mentor(this.t.university(), "CS", 1).id(), "x")))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("Rank at most 3 mentors.");
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.request(List.of(
				new Mentorships.Choice(mentor.id(), "x"), new Mentorships.Choice(mentor.id(), "y")))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("same mentor twice");
		assertThatThrownBy(() -> this.t.as(mentee,
				() -> this.mentorships.request(List.of(new Mentorships.Choice(mentor.id(), "  ")))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mentorships WHERE mentee_id = :m").param("m", mentee.id())
			.query(Integer.class).single()).isZero();

		// Beyond the mentee limit: one open request at a time.
		this.t.run(mentee, () -> this.mentorships.request(List.of(new Mentorships.Choice(mentor.id(), "x"))));
		assertThatThrownBy(() -> this.t.as(mentee,
				() -> this.mentorships.request(List.of(new Mentorships.Choice(a.id(), "x")))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("already have an open request");

		// A mentor does not request a mentor.
		assertThatThrownBy(() -> this.t.as(a, () -> this.mentorships.request(List.of(new Mentorships.Choice(b.id(), "x")))))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void wrongUsersAreRefused() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account stranger = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account otherCoordinator = this.t.account(this.t.university(), "BUS", RoleName.COORDINATOR);
		Account foreignAdmin = this.t.account(this.t.company(), null, RoleName.ADMIN);
		long id = this.t.insert(mentor, mentee, "ACCEPTED");
		assertThatThrownBy(() -> this.t.as(stranger, () -> this.mentorships.get(id))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(otherCoordinator, () -> this.mentorships.approve(id, null, null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(foreignAdmin, () -> this.mentorships.approve(id, null, null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(mentor, () -> this.mentorships.approve(id, null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.t.as(mentee, () -> this.mentorships.managed(null, 0, 20)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.t.status(id)).isEqualTo("ACCEPTED");
	}

	@Test
	void aStaleVersionIsRefused() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		long id = this.t.insert(mentor, mentee, "ACTIVE");
		long version = this.t.as(mentee, () -> this.mentorships.get(id)).version();
		this.t.run(mentee, () -> this.mentorships.pause(id, "Holiday", version));
		assertThatThrownBy(() -> this.t.as(mentor, () -> this.mentorships.pause(id, "Also", version)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
	}

	@Test
	void anUnansweredRequestExpiresAndTheNextChoiceIsAsked() {
		Account first = this.t.mentor(this.t.university(), "CS", 2);
		Account second = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		MentorshipView asked = this.t.as(mentee, () -> this.mentorships.request(List.of(
				new Mentorships.Choice(first.id(), "One"), new Mentorships.Choice(second.id(), "Two"))));
		this.mentorships.expireOverdueRequests();
		assertThat(this.t.status(asked.id())).isEqualTo("REQUESTED");
		// Four days ago (the university answers within 3 days).
		this.jdbc.sql("UPDATE mentorships SET created_at = :at WHERE id = :id")
			.param("at", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(4))
			.param("id", asked.id())
			.update();
		assertThat(this.mentorships.expireOverdueRequests()).isGreaterThanOrEqualTo(1);
		assertThat(this.t.status(asked.id())).isEqualTo("EXPIRED");
		MentorshipView next = this.t.as(mentee, () -> this.mentorships.mine()).get(0);
		assertThat(next.mentorId()).isEqualTo(second.id());
		assertThat(next.status()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(Duration.between(next.createdAt(), java.time.Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
	}

}
