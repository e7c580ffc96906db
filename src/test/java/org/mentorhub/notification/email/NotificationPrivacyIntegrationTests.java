package org.mentorhub.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.calendar.CalendarFixtures;
import org.mentorhub.session.SessionDraft;
import org.mentorhub.session.SessionNotes;
import org.mentorhub.session.SessionRecordInput;
import org.mentorhub.session.SessionView;
import org.mentorhub.session.Sessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A private session note never reaches a notification, an e-mail sent at once, or a digest. Both of a pair
 * write a private note holding a unique sentinel; the session then goes through its life cycle (requested,
 * confirmed, new time proposed and accepted, completed), which notifies the mentee by e-mail at once and the
 * mentor by digest (each chose so through the API); the digest job runs. The sentinel is then in no row of
 * {@code notifications} and no mail of the outbox.
 */
@TimeTravelTest
class NotificationPrivacyIntegrationTests {

	static final List<String> SESSION_TYPES = List.of("SESSION_REQUESTED", "SESSION_PROPOSED", "SESSION_CONFIRMED",
			"SESSION_DECLINED", "SESSION_NEW_TIME_PROPOSED", "SESSION_NEW_TIME_ACCEPTED", "SESSION_NEW_TIME_DECLINED",
			"SESSION_CANCELLED", "SESSION_COMPLETED");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Sessions sessions;

	@Autowired
	SessionNotes notes;

	@Autowired
	NotificationDigests digests;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	UserDetails as(Account account) {
		return this.users.loadUserByUsername(account.email());
	}

	void choose(Account account, String channel) throws Exception {
		String channels = SESSION_TYPES.stream()
			.map(type -> "\"" + type + "\":\"" + channel + "\"")
			.collect(Collectors.joining(",", "{\"channels\":{", "}}"));
		this.mvc.perform(put("/api/v1/notifications/preferences").with(user(as(account))).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(channels))
			.andExpect(status().isOk());
	}

	List<String> types(Account account) {
		return this.jdbc.sql("SELECT type FROM notifications WHERE user_id = :u ORDER BY id")
			.param("u", account.id())
			.query(String.class)
			.list();
	}

	static String at(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	@Test
	void noNotificationMailOrDigestCarriesAPrivateNote() throws Exception {
		String zone = DigestFixtures.zoneWhereItIs(this.clock.instant(), 12);
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").withTimeZone(zone).create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").withTimeZone(zone).create(this.jdbc);
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		choose(mentee, "EMAIL");
		choose(mentor, "DIGEST");
		String sentinel = "PRIVATE-SENTINEL-" + UUID.randomUUID();
		long firstMail = CalendarFixtures.lastMailId(this.jdbc);

		Instant start = this.clock.instant().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		SessionView requested = RunAs.as(as(mentee), () -> this.sessions.create(mentorship,
				new SessionDraft("Privacy check", "Plain description", "Plain agenda", at(start), "UTC", 60, "ONLINE",
						null, "https://meet.example.org/privacy"), false));
		long id = requested.id();
		RunAs.as(as(mentee), () -> this.notes.create(id, "The mentee's own thoughts: " + sentinel, true));
		RunAs.as(as(mentor), () -> this.notes.create(id, "The mentor's own thoughts: " + sentinel, true));
		SessionView confirmed = RunAs.as(as(mentor), () -> this.sessions.confirm(id, null, requested.version()));
		SessionView moved = RunAs.as(as(mentor), () -> this.sessions.proposeNewTime(id,
				at(start.plus(1, ChronoUnit.HOURS)), "UTC", null, confirmed.version()));
		SessionView accepted = RunAs.as(as(mentee), () -> this.sessions.acceptNewTime(id, null, moved.version()));
		this.clock.advance(Duration.ofHours(4));
		RunAs.as(as(mentor), () -> this.sessions.complete(id,
				new SessionRecordInput("PRESENT", "Topic of the day", "Summary of the day", null), accepted.version()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(types(mentee)).contains("SESSION_CONFIRMED", "SESSION_NEW_TIME_PROPOSED", "SESSION_COMPLETED");
			assertThat(types(mentor)).contains("SESSION_REQUESTED", "SESSION_NEW_TIME_ACCEPTED");
		});
		this.digests.sendDue();

		// The mail went out: at once to the mentee, one digest to the mentor.
		assertThat(this.jdbc.sql("SELECT subject FROM outbox_mails WHERE recipient = :to AND id > :after")
			.param("to", mentee.email())
			.param("after", firstMail)
			.query(String.class)
			.list()).contains("Session with " + fullName(mentor) + " completed");
		assertThat(DigestFixtures.digests(this.jdbc, mentor, firstMail)).hasSize(1);
		assertThat(DigestFixtures.digests(this.jdbc, mentor, firstMail).get(0).text()).contains("Privacy check");
		// The notes hold the sentinel (for their authors)...
		assertThat(RunAs.as(as(mentor), () -> this.notes.list(id))).anySatisfy(note -> assertThat(note.toString())
			.contains(sentinel));
		// ...and nothing else does.
		String like = "%" + sentinel + "%";
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE title LIKE :p OR body LIKE :p OR payload LIKE :p")
			.param("p", like)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE subject LIKE :p OR body_text LIKE :p OR body_html LIKE :p")
			.param("p", like)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE id > :after")
			.param("after", firstMail)
			.query(Integer.class)
			.single()).as("mails were sent to look into").isGreaterThanOrEqualTo(4);
	}

	String fullName(Account account) {
		return this.jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", account.id())
			.query(String.class).single();
	}

}
