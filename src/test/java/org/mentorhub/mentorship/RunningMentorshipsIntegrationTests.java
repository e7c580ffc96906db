package org.mentorhub.mentorship;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.profile.MentoringRelations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/** profile's {@link MentoringRelations} as mentorship answers it: only running mentorships count. */
@MentorHubIntegrationTest
class RunningMentorshipsIntegrationTests {

	@Autowired
	MentoringRelations relations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	MentorshipTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
	}

	@Test
	void anActiveOrPausedMentorshipRelatesMentorAndMenteeOneWayRound() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 3);
		Account active = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account paused = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		this.t.insert(mentor, active, "ACTIVE");
		this.t.insert(mentor, paused, "PAUSED");

		assertThat(this.relations.isMentorOf(mentor.id(), active.id())).isTrue();
		assertThat(this.relations.isMentorOf(mentor.id(), paused.id())).isTrue();
		assertThat(this.relations.isMentorOf(active.id(), mentor.id())).isFalse();
		assertThat(this.relations.mentorAndMentee(active.id(), mentor.id())).isTrue();
		assertThat(this.relations.mentorAndMentee(mentor.id(), paused.id())).isTrue();
		assertThat(this.relations.mentorAndMentee(active.id(), paused.id())).isFalse();
	}

	@Test
	void anEndedOrRequestedMentorshipOrAnUnknownPersonRelatesNobody() {
		Account mentor = this.t.mentor(this.t.university(), "CS", 3);
		Account ended = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account requested = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		this.t.insert(mentor, ended, "ENDED");
		this.t.insert(mentor, requested, "REQUESTED");

		assertThat(this.relations.isMentorOf(mentor.id(), ended.id())).isFalse();
		assertThat(this.relations.mentorAndMentee(mentor.id(), requested.id())).isFalse();
		assertThat(this.relations.isMentorOf(mentor.id(), -5)).isFalse();
		assertThat(this.relations.mentorAndMentee(-5, -6)).isFalse();
	}

}
