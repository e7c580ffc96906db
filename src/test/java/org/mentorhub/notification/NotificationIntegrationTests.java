package org.mentorhub.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.mentorship.MentorshipView;
import org.mentorhub.mentorship.Mentorships;
import org.mentorhub.session.SessionDraft;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification module end to end: life-cycle events of other modules become notifications for
 * the right people (never the one who acted), with the channel each person chose; the centre and its
 * API list, count and mark only the caller's own notifications; bad input answers 400 and another
 * person's notification 404.
 */
@MentorHubIntegrationTest
class NotificationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Mentorships mentorships;

	@Autowired
	Sessions sessions;

	record Row(long id, String type, String title, String body, String linkUrl, String delivery, LocalDateTime emailedAt,
			LocalDateTime readAt) {
	}

	List<Row> notificationsOf(Account account) {
		return this.jdbc.sql("""
				SELECT id, type, title, body, link_url, delivery, emailed_at, read_at FROM notifications
				WHERE user_id = :user ORDER BY id""")
			.param("user", account.id())
			.query(Row.class)
			.list();
	}

	int mailsTo(Account account, String subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :to AND subject = :subject")
			.param("to", account.email())
			.param("subject", subject)
			.query(Integer.class)
			.single();
	}

	UserDetails login(Account account) {
		return this.users.loadUserByUsername(account.email());
	}

	long plant(Account account, String type, String title, boolean read, int minutesAgo) {
		LocalDateTime at = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusMinutes(minutesAgo);
		this.jdbc.sql("""
				INSERT INTO notifications (user_id, type, title, body, payload, link_url, read_at, created_at)
				VALUES (:user, :type, :title, 'Body', '{"sessionId":7}', '/sessions', :read, :at)""")
			.param("user", account.id())
			.param("type", type)
			.param("title", title)
			.param("read", read ? at : null)
			.param("at", at)
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM notifications WHERE user_id = :user")
			.param("user", account.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aMentorshipRequestReachesTheMentorInTheAppAndByMailAndTheAnswersReachTheMentee() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").withMentorProfile(2).create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		String menteeName = this.jdbc.sql("SELECT full_name FROM users WHERE id = :id")
			.param("id", mentee.id())
			.query(String.class)
			.single();

		MentorshipView asked = RunAs.as(login(mentee),
				() -> this.mentorships.request(List.of(new Mentorships.Choice(mentor.id(), "Learn Java"))));
		await().atMost(Duration.ofSeconds(20)).until(() -> !notificationsOf(mentor).isEmpty());
		Row request = notificationsOf(mentor).get(0);
		assertThat(request.type()).isEqualTo("MENTORSHIP_REQUESTED");
		assertThat(request.title()).contains(menteeName).contains("asks you to be their mentor");
		assertThat(request.linkUrl()).isEqualTo("/mentorships/" + asked.id());
		assertThat(request.delivery()).isEqualTo("EMAIL");
		assertThat(request.emailedAt()).isNotNull();
		assertThat(request.readAt()).isNull();
		assertThat(mailsTo(mentor, request.title())).isEqualTo(1);
		assertThat(notificationsOf(mentee)).as("the one who acted is not told").isEmpty();

		RunAs.run(login(mentor), () -> this.mentorships.accept(asked.id(), null));
		await().atMost(Duration.ofSeconds(20)).until(() -> !notificationsOf(mentee).isEmpty());
		assertThat(notificationsOf(mentee)).extracting(Row::type).containsExactly("MENTORSHIP_ACCEPTED");

		RunAs.run(login(admin), () -> this.mentorships.approve(asked.id(), "Good fit", null));
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(mentee).size() == 2);
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(mentor).size() == 2);
		assertThat(notificationsOf(mentor).get(1).type()).isEqualTo("MENTORSHIP_APPROVED");
		assertThat(notificationsOf(mentee).get(1).type()).isEqualTo("MENTORSHIP_APPROVED");
		assertThat(notificationsOf(admin)).isEmpty();
		assertThat(notificationsOf(mentee).get(1).body()).doesNotContain("Good fit");
	}

	@Test
	void sessionChangesTellTheOtherParticipantOnTheChannelTheyChose() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").withMentorProfile(2).create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(this.jdbc);
		long mentorship = org.mentorhub.TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		String start = LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(9)), ZoneOffset.UTC)
			.withNano(0)
			.withSecond(0)
			.withMinute(0)
			.toString();

		SessionView offered = RunAs.as(login(mentor), () -> this.sessions.create(mentorship,
				new SessionDraft("Career plan", "the private description", "the agenda", start, "UTC", 45, "ONLINE",
						null, "https://meet.example.org/x"),
				false));
		await().atMost(Duration.ofSeconds(20)).until(() -> !notificationsOf(mentee).isEmpty());
		Row proposed = notificationsOf(mentee).get(0);
		assertThat(proposed.type()).isEqualTo("SESSION_PROPOSED");
		assertThat(proposed.body()).contains("Career plan").doesNotContain("private description");
		assertThat(proposed.linkUrl()).isEqualTo("/sessions/" + offered.id());
		assertThat(proposed.delivery()).as("a student hears of a proposal by mail at once").isEqualTo("EMAIL");
		assertThat(notificationsOf(mentor)).isEmpty();

		// The mentor wants confirmations by mail: the choice is kept per type.
		this.mvc.perform(put("/api/v1/notifications/preferences").with(user(login(mentor))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"channels\": {\"SESSION_CONFIRMED\": \"EMAIL\", \"SESSION_CANCELLED\": \"IN_APP\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.type == 'SESSION_CONFIRMED')].channel").value("EMAIL"))
			.andExpect(jsonPath("$[?(@.type == 'SESSION_CANCELLED')].channel").value("IN_APP"));
		RunAs.run(login(mentee), () -> this.sessions.confirm(offered.id(), null, offered.version()));
		await().atMost(Duration.ofSeconds(20)).until(() -> !notificationsOf(mentor).isEmpty());
		Row confirmed = notificationsOf(mentor).get(0);
		assertThat(confirmed.type()).isEqualTo("SESSION_CONFIRMED");
		assertThat(confirmed.delivery()).isEqualTo("EMAIL");
		assertThat(mailsTo(mentor, confirmed.title())).isEqualTo(1);
	}

	@Test
	void theCentreAndItsApiShowOnlyTheCallersNotificationsNewestFirst() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account ana = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account ben = college.aStudent().inDepartment("CS").create(this.jdbc);
		long old = plant(ana, "SESSION_CONFIRMED", "Ana old read", true, 60);
		long unread = plant(ana, "SESSION_REMINDER", "Ana unread reminder", false, 30);
		long newest = plant(ana, "SESSION_CONFIRMED", "Ana newest", false, 1);
		long bens = plant(ben, "SESSION_CONFIRMED", "Ben private title", false, 5);

		this.mvc.perform(get("/api/v1/notifications").with(user(login(ana))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(jsonPath("$.items[0].id").value(newest))
			.andExpect(jsonPath("$.items[0].payload.sessionId").value(7))
			.andExpect(jsonPath("$.items[2].id").value(old))
			.andExpect(jsonPath("$.unread").value(2))
			.andExpect(content().string(not(containsString("Ben private title"))));
		this.mvc.perform(get("/api/v1/notifications?unread=true&type=SESSION_REMINDER").with(user(login(ana))))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(unread));
		this.mvc.perform(get("/api/v1/notifications?size=2&page=0").with(user(login(ana))))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.hasNext").value(true));
		this.mvc.perform(get("/api/v1/notifications/unread-count").with(user(login(ana))))
			.andExpect(jsonPath("$.unread").value(2));

		// Another person's notification does not exist for the caller: read, mark and open all answer 404.
		this.mvc.perform(get("/api/v1/notifications/" + bens).with(user(login(ana)))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/notifications/" + bens + "/read").with(user(login(ana))).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/notifications/" + bens + "/open").with(user(login(ana)))).andExpect(status().isNotFound());
		assertThat(notificationsOf(ben).get(0).readAt()).isNull();

		this.mvc.perform(post("/api/v1/notifications/" + unread + "/read").with(user(login(ana))).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readAt").isNotEmpty());
		this.mvc.perform(get("/notifications/" + newest + "/open").with(user(login(ana))))
			.andExpect(redirectedUrl("/sessions"));
		this.mvc.perform(get("/api/v1/notifications/unread-count").with(user(login(ana))))
			.andExpect(jsonPath("$.unread").value(0));

		this.mvc.perform(get("/notifications").with(user(login(ana))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana newest")))
			.andExpect(content().string(containsString("id=\"notification-bell\"")))
			.andExpect(content().string(not(containsString("Ben private title"))));
		this.mvc.perform(post("/notifications/read-all").with(user(login(ben))).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(notificationsOf(ben).get(0).readAt()).isNotNull();
		assertThat(notificationsOf(ana)).extracting(Row::id).containsExactly(old, unread, newest);
	}

	@Test
	void badInputIsRefusedWithAClearMessage() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account ana = college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/notifications/abc").with(user(login(ana)))).andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/notifications/abc/read").with(user(login(ana))).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/notifications?type=NO_SUCH_TYPE").with(user(login(ana))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("no notification type")));
		this.mvc.perform(get("/api/v1/notifications?size=500").with(user(login(ana))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/notifications?type=NO_SUCH_TYPE").with(user(login(ana))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("no notification type")));
		this.mvc.perform(get("/notifications?page=x").with(user(login(ana)))).andExpect(status().isBadRequest());

		for (String body : List.of("{\"channels\": {\"NO_SUCH_TYPE\": \"EMAIL\"}}",
				"{\"channels\": {\"SESSION_CONFIRMED\": \"PIGEON\"}}",
				"{\"channels\": {\"ACCOUNT_SECURITY\": \"IN_APP\"}}", "{\"channels\": {}}", "{}")) {
			this.mvc.perform(put("/api/v1/notifications/preferences").with(user(login(ana))).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		// A refused form changes nothing, not even its valid lines.
		this.mvc.perform(post("/account/notifications").with(user(login(ana))).with(csrf())
			.param("channel.SESSION_CONFIRMED", "EMAIL")
			.param("channel.NO_SUCH_TYPE", "EMAIL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no notification type of this name.")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification_preferences WHERE user_id = :u")
			.param("u", ana.id())
			.query(Integer.class)
			.single()).isZero();

		this.mvc.perform(post("/account/notifications").with(user(login(ana))).with(csrf())
			.param("channel.SESSION_CONFIRMED", "EMAIL"))
			.andExpect(redirectedUrl("/account/notifications"));
		this.mvc.perform(get("/account/notifications").with(user(login(ana))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"channel-SESSION_CONFIRMED-EMAIL\" aria-label=\"A session of mine is confirmed: E-mail at once\" checked")));
	}

	@Test
	void staffGetByDigestWhatMembersGetByMailAndSecurityNoticesCannotBeSwitchedOff() {
		assertThat(NotificationType.SESSION_CANCELLED.defaultFor(java.util.Set.of(RoleName.MENTEE)))
			.isEqualTo(NotificationType.Channel.EMAIL);
		assertThat(NotificationType.SESSION_CANCELLED.defaultFor(java.util.Set.of(RoleName.MENTOR, RoleName.COORDINATOR)))
			.isEqualTo(NotificationType.Channel.DIGEST);
		assertThat(NotificationType.MENTORSHIP_REQUESTED.defaultFor(java.util.Set.of(RoleName.MENTOR, RoleName.ADMIN)))
			.isEqualTo(NotificationType.Channel.EMAIL);
		assertThat(NotificationType.ACCOUNT_SECURITY.defaultFor(java.util.Set.of(RoleName.ADMIN)))
			.isEqualTo(NotificationType.Channel.EMAIL);
	}

}
