package org.mentorhub.calendar;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.calendar.CalendarFixtures.Planted;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subscribable feed: a secret URL per user (stored hashed), public, 404 for unknown or rotated
 * tokens, rate limited per URL; it holds only the user's confirmed, rescheduled and completed sessions
 * in the window, with titles, times and links, REFRESH-INTERVAL and X-PUBLISHED-TTL, and never a
 * description, agenda, note, action item or feedback.
 */
@MentorHubIntegrationTest
class CalendarFeedIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	UserDetails as(Account account) {
		return this.users.loadUserByUsername(account.email());
	}

	/** Makes (or rotates) the account's feed through the API; returns the path of its URL. */
	String rotate(Account account) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/v1/calendar/feed").with(user(as(account))).with(csrf()))
			.andExpect(status().isCreated())
			.andReturn();
		String url = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.url");
		assertThat(url).startsWith("http://localhost:8080/calendar/feed/").endsWith(".ics");
		return url.substring("http://localhost:8080".length());
	}

	@Test
	void theFeedHoldsOnlyTheUsersConfirmedSessionsInTheWindowAndNoSecrets() throws Exception {
		Instant now = Instant.now();
		Planted confirmed = CalendarFixtures.session(this.jdbc, "CONFIRMED", now.plus(2, ChronoUnit.DAYS), "Feed confirmed");
		Account mentee = confirmed.mentee();
		Account mentor = confirmed.mentor();
		Planted completed = CalendarFixtures.session(this.jdbc, mentor, mentee, "COMPLETED", now.minus(10, ChronoUnit.DAYS),
				"Feed completed");
		Planted rescheduled = CalendarFixtures.session(this.jdbc, mentor, mentee, "RESCHEDULED",
				now.plus(20, ChronoUnit.DAYS), "Feed rescheduled");
		Planted requested = CalendarFixtures.session(this.jdbc, mentor, mentee, "REQUESTED", now.plus(3, ChronoUnit.DAYS),
				"Feed requested");
		Planted cancelled = CalendarFixtures.session(this.jdbc, mentor, mentee, "CANCELLED", now.plus(4, ChronoUnit.DAYS),
				"Feed cancelled");
		Planted tooOld = CalendarFixtures.session(this.jdbc, mentor, mentee, "COMPLETED", now.minus(40, ChronoUnit.DAYS),
				"Feed too old");
		Planted tooFar = CalendarFixtures.session(this.jdbc, mentor, mentee, "CONFIRMED", now.plus(200, ChronoUnit.DAYS),
				"Feed too far");
		Planted someoneElse = CalendarFixtures.session(this.jdbc, "CONFIRMED", now.plus(2, ChronoUnit.DAYS),
				"Feed of someone else");

		String path = rotate(mentee);
		MvcResult result = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
		String text = result.getResponse().getContentAsString();
		assertThat(text).contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H").contains("X-PUBLISHED-TTL:PT1H");
		for (Planted planted : List.of(confirmed, completed, rescheduled, requested, cancelled, tooOld, tooFar, someoneElse)) {
			assertThat(text).doesNotContain(planted.secret());
		}
		assertThat(text).doesNotContain("DESCRIPTION");

		Calendar calendar = CalendarFixtures.parse(text);
		assertThat(Ics.value(calendar, "METHOD")).isEqualTo("PUBLISH");
		assertThat(Ics.value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT1H");
		assertThat(Ics.value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT1H");
		List<VEvent> events = Ics.events(calendar);
		assertThat(events).extracting(event -> Ics.value(event, "SUMMARY"))
			.containsExactly("Feed completed", "Feed confirmed", "Feed rescheduled");
		assertThat(events).extracting(event -> Ics.value(event, "UID"))
			.containsExactly(completed.uid(), confirmed.uid(), rescheduled.uid());
		assertThat(events).allSatisfy(event -> {
			assertThat(Ics.value(event, "URL")).isEqualTo("https://meet.example.org/room-1");
			assertThat(Ics.value(event, "DTSTART")).endsWith("Z");
			assertThat(Ics.value(event, "ORGANIZER")).isNull();
			assertThat(Ics.value(event, "ATTENDEE")).isNull();
		});

		// The mentor has no feed yet: their sessions are in nobody's feed but the mentee's.
		this.mvc.perform(get("/api/v1/calendar/feed").with(user(as(mentor))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(get("/api/v1/calendar/feed").with(user(as(mentee))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.url").doesNotExist());
	}

	@Test
	void rotationInvalidatesTheOldUrlAndIsAudited() throws Exception {
		Account account = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		String first = rotate(account);
		this.mvc.perform(get(first)).andExpect(status().isOk());
		String second = rotate(account);
		assertThat(second).isNotEqualTo(first);
		this.mvc.perform(get(first)).andExpect(status().isNotFound());
		this.mvc.perform(get(second)).andExpect(status().isOk());

		// Only the hash is stored.
		String token = second.substring("/calendar/feed/".length(), second.length() - ".ics".length());
		assertThat(token).hasSize(43);
		assertThat(this.jdbc.sql("SELECT token_hash FROM calendar_feed_tokens WHERE user_id = :u")
			.param("u", account.id()).query(String.class).single()).isEqualTo(TokenHashing.sha256Hex(token));
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE user_id = :u AND entity = 'calendar_feed' ORDER BY id")
			.param("u", account.id()).query(String.class).list())
			.containsExactly("CALENDAR_FEED_CREATED", "CALENDAR_FEED_ROTATED");

		// A disabled account's feed answers 404 like an unknown one.
		this.jdbc.sql("UPDATE users SET status = 'DISABLED' WHERE id = :u").param("u", account.id()).update();
		this.mvc.perform(get(second)).andExpect(status().isNotFound());
		this.jdbc.sql("UPDATE users SET status = 'ACTIVE' WHERE id = :u").param("u", account.id()).update();
		this.mvc.perform(get(second)).andExpect(status().isOk());

		this.mvc.perform(delete("/api/v1/calendar/feed").with(user(as(account))).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(second)).andExpect(status().isNotFound());
	}

	@Test
	void unknownAndMalformedTokensAnswer404() throws Exception {
		this.mvc.perform(get("/calendar/feed/{token}.ics", TokenHashing.newToken())).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar/feed/{token}.ics", "short")).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar/feed/{token}.ics", "x".repeat(43) + "'--")).andExpect(status().isNotFound());
	}

	@Test
	void eachFeedUrlIsRateLimited() throws Exception {
		Account account = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);
		String path = rotate(account);
		for (int i = 0; i < 60; i++) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
		}
		this.mvc.perform(get(path)).andExpect(status().isTooManyRequests())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
		// Another user's feed has its own budget.
		this.mvc.perform(get(rotate(this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc))))
			.andExpect(status().isOk());
	}

	@Test
	void thePageShowsTheNewUrlOnceAndTurnsTheFeedOff() throws Exception {
		Account account = aCompany().withDepartment("ENGR").build(this.jdbc).aMentee().inDepartment("ENGR").create(this.jdbc);
		this.mvc.perform(get("/account/calendar").with(user(as(account))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Make my feed address")));
		String page = this.mvc.perform(post("/account/calendar").with(user(as(account))).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = page.indexOf("/calendar/feed/");
		assertThat(at).isPositive();
		String path = page.substring(at, page.indexOf(".ics", at) + 4);
		this.mvc.perform(get(path)).andExpect(status().isOk());
		String again = this.mvc.perform(get("/account/calendar").with(user(as(account))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).doesNotContain("/calendar/feed/").contains("Your feed is on");
		this.mvc.perform(post("/account/calendar/remove").with(user(as(account))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(path)).andExpect(status().isNotFound());
		// Without CSRF nothing changes.
		this.mvc.perform(post("/account/calendar").with(user(as(account)))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM calendar_feed_tokens WHERE user_id = :u").param("u", account.id())
			.query(Integer.class).single()).isZero();
	}

}
