package org.mentorhub.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The event flow of a confirmation, as a Spring Modulith {@link Scenario}: the mentee confirms the
 * mentor's offer, the session module publishes {@link SessionConfirmed} carrying the session, and
 * the calendar's listener mails each participant the invitation (the outbox, without SMTP), after
 * the commit. A full {@code @SpringBootTest} with {@link EnableScenarios} rather than an
 * {@code @ApplicationModuleTest}: the calendar needs the session, identity and platform modules, and
 * the whole application's Flyway schema and security, so a module slice would bootstrap little less.
 */
@MentorHubIntegrationTest
@EnableScenarios
class SessionInvitationScenarioIntegrationTests {

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** Signs the account in on this thread (the test signs out after each test). */
	void signIn(Account account) {
		UserDetails user = this.users.loadUserByUsername(account.email());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	int invitationsTo(Account account, String title) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM outbox_mails m JOIN outbox_mail_attachments a ON a.mail_id = m.id
				WHERE m.recipient = :to AND m.subject = :subject AND a.filename = 'invite.ics'""")
			.param("to", account.email())
			.param("subject", "Invitation: " + title)
			.query(Integer.class)
			.single();
	}

	@Test
	void aConfirmedSessionIsMailedToBothParticipantsAsAnInvitation(Scenario scenario) {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, college.code(), "CS", "ACTIVE");
		Instant start = SessionFixtures.randomHour(20, 30);
		String title = "Scenario " + start.toEpochMilli();
		signIn(p.mentor());
		SessionView offered = this.sessions.create(p.mentorshipId(),
				new SessionDraft(title, "secret description", "secret agenda",
						LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString(), "UTC", 45, "ONLINE", null,
						"https://meet.example.org/scenario"),
				false);

		signIn(p.mentee());
		scenario.stimulate(() -> this.sessions.confirm(offered.id(), null, offered.version()))
			.andWaitAtMost(Duration.ofSeconds(30))
			.forStateChange(() -> invitationsTo(p.mentor(), title) + invitationsTo(p.mentee(), title),
					count -> count == 2)
			.andVerifyEvents(events -> assertThat(events).contains(SessionConfirmed.class)
				.matching(event -> event.session().sessionId() == offered.id()
						&& event.session().mentorId() == p.mentor().id()
						&& event.session().menteeId() == p.mentee().id()
						&& event.session().start().equals(start)
						&& event.session().durationMinutes() == 45
						&& title.equals(event.session().title())
						&& "https://meet.example.org/scenario".equals(event.session().meetingLink())
						&& event.session().icalUid().equals(offered.icalUid())
						&& event.actorId() == p.mentee().id()));
		assertThat(invitationsTo(p.mentor(), title)).isEqualTo(1);
		assertThat(invitationsTo(p.mentee(), title)).isEqualTo(1);
	}

}
