package org.mentorhub.report;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each role's home page opens with what to do next, each line a link to the page that does it; its
 * rows link to their records, its empty states offer the next action, and its times are in the
 * viewer's zone.
 */
@MentorHubIntegrationTest
class HomeNextActionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.MessageSource messages;

	TestInstitution college;

	Account coordinator;

	Account mentor;

	Account emma;

	Account requester;

	Account loner;

	String t;

	long mentorship;

	@BeforeEach
	void setUp() {
		this.t = unique();
		this.college = aUniversity().named("Next University " + this.t).withDepartment("CS").build(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor()
			.inDepartment("CS")
			.named("Maya Next " + this.t)
			.withTimeZone("America/New_York")
			.withMentorProfile(5)
			.create(this.jdbc);
		this.emma = this.college.aStudent().inDepartment("CS").named("Emma Next " + this.t).create(this.jdbc);
		this.requester = this.college.aStudent().inDepartment("CS").named("Rita Next " + this.t).create(this.jdbc);
		this.loner = this.college.aStudent().inDepartment("CS").named("Lone Next " + this.t).create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.emma, "ACTIVE");
		TestMentorships.plant(this.jdbc, this.mentor, this.requester, "REQUESTED");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	String home(Account account) throws Exception {
		return this.mvc.perform(get("/").with(as(account)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long session(String status, Instant start) {
		return SessionFixtures.session(this.jdbc, this.mentorship, this.mentor.id(), this.emma.id(), this.mentor.id(),
				status, start, "Next session " + this.t);
	}

	@Test
	void mentorsHomeOpensWithWhatWaitsForHer() throws Exception {
		long yesterday = session("CONFIRMED", Instant.now().minus(Duration.ofHours(26)));
		long done = session("COMPLETED", Instant.now().minus(Duration.ofDays(8)));
		session("REQUESTED", Instant.now().plus(Duration.ofDays(3)));

		String page = home(this.mentor);

		assertThat(link(page, "next-requests")).isEqualTo("/mentorships");
		assertThat(text(page, "next-requests")).isEqualTo("1 request waits for your answer");
		assertThat(link(page, "next-answers")).isEqualTo("/sessions");
		assertThat(text(page, "next-answers")).isEqualTo("1 session waits for your answer");
		assertThat(link(page, "next-record-" + yesterday)).isEqualTo("/sessions/" + yesterday);
		assertThat(text(page, "next-record-" + yesterday)).isIn("Record yesterday's session with Emma Next " + this.t,
				// 26 hours ago is two calendar days ago shortly after midnight in New York
				"Record the session of " + Instant.now().minus(Duration.ofHours(26))
					.atZone(java.time.ZoneId.of("America/New_York")).toLocalDate() + " with Emma Next " + this.t);
		assertThat(link(page, "next-feedback")).isEqualTo("/sessions/" + done + "#feedback-section");
		assertThat(text(page, "next-feedback")).isEqualTo("Give feedback on 1 session");
	}

	@Test
	void mentorWithAQuietMenteeIsToldSo() throws Exception {
		session("COMPLETED", Instant.now().minus(Duration.ofDays(45)));

		String page = home(this.mentor);

		assertThat(text(page, "next-quiet")).isEqualTo("1 mentee has no session in 30 days");
		assertThat(link(page, "next-quiet")).isEqualTo("/mentorships");
	}

	@Test
	void aDoneFeedbackAndARecordedSessionLeaveTheList() throws Exception {
		long done = session("COMPLETED", Instant.now().minus(Duration.ofDays(2)));
		this.jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating)
				VALUES (:s, :g, :r, 'MENTOR_TO_MENTEE', 5)""")
			.param("s", done)
			.param("g", this.mentor.id())
			.param("r", this.emma.id())
			.update();

		String page = home(this.mentor);

		assertThat(page).doesNotContain("id=\"next-feedback\"").doesNotContain("id=\"next-quiet\"")
			.doesNotContain("next-record-");
	}

	@Test
	void mentorsMenteesTableNamesTheMenteesNotHerself() throws Exception {
		String page = home(this.mentor);

		String mentees = page.substring(page.indexOf("id=\"mentorships-card\""), page.indexOf("id=\"alerts\""));
		assertThat(mentees).contains("Emma Next " + this.t).doesNotContain("Maya Next " + this.t)
			.contains("href=\"/mentorships/" + this.mentorship + "\"");
	}

	@Test
	void dashboardRowsLinkToTheirRecordsAndTimesAreInTheViewersZone() throws Exception {
		long upcoming = session("CONFIRMED", Instant.parse("2031-01-15T19:00:00Z"));

		String page = home(this.mentor);

		assertThat(main(page)).contains("href=\"/sessions/" + upcoming + "\"")
			.contains("Wed 15 Jan 2031, 14:00")
			.contains("Times are in America/New_York.")
			.doesNotContain("UTC")
			.doesNotContain("href=\"/#");
	}

	@Test
	void studentWithoutAMentorIsOfferedToFindOne() throws Exception {
		String page = home(this.loner);

		assertThat(link(page, "next-find-mentor")).isEqualTo("/mentorships/suggestions");
		assertThat(main(page)).contains("href=\"/sessions/new\"").doesNotContain("href=\"/#");
	}

	@Test
	void studentWithAMentorAndNothingPlannedIsOfferedToBook() throws Exception {
		session("PROPOSED", Instant.now().plus(Duration.ofDays(2)));

		String page = home(this.emma);

		assertThat(text(page, "next-answers")).isEqualTo("1 session waits for your answer");
		assertThat(page).doesNotContain("id=\"next-find-mentor\"");

		this.jdbc.sql("UPDATE mentoring_sessions SET status = 'CANCELLED' WHERE mentorship_id = :m")
			.param("m", this.mentorship)
			.update();
		assertThat(link(home(this.emma), "next-book")).isEqualTo("/sessions/new");
	}

	@Test
	void coordinatorsHomeOpensWithApprovalsUnmatchedAndQuietMentorships() throws Exception {
		TestMentorships.plant(this.jdbc, this.mentor, this.loner, "ACCEPTED");
		Account unmatched = this.college.aStudent().inDepartment("CS").create(this.jdbc);

		String page = home(this.coordinator);

		assertThat(text(page, "next-approvals")).isEqualTo("1 mentorship waits for your approval");
		assertThat(link(page, "next-approvals")).isEqualTo("/mentorships/manage?status=ACCEPTED");
		assertThat(text(page, "next-unmatched")).isEqualTo("1 mentee has no mentor yet");
		assertThat(link(page, "next-unmatched")).isEqualTo("/mentorships/bulk");
		assertThat(text(page, "next-quiet")).isEqualTo("1 mentorship has no session in 30 days");
		assertThat(main(page)).contains("href=\"/mentorships/manage?status=ACTIVE\"").doesNotContain("href=\"/#");
		assertThat(unmatched.id()).isPositive();
	}

	@Test
	void aCoordinatorsUpcomingSessionOpensItsMentorshipNotTheSession() throws Exception {
		long upcoming = session("CONFIRMED", Instant.parse("2031-02-05T10:00:00Z"));

		// A coordinator may not open other people's sessions: the row opens the mentorship.
		assertThat(main(home(this.coordinator))).doesNotContain("href=\"/sessions/" + upcoming + "\"")
			.contains("href=\"/mentorships/" + this.mentorship + "\"");
	}

	@Test
	void oneLabelPerStatus() {
		// "Expired" on one page, "No answer in time" on another.
		for (String key : new String[] { "status.EXPIRED", "enum.MentorshipStatus.EXPIRED" }) {
			assertThat(this.messages.getMessage(key, null, java.util.Locale.ENGLISH)).as(key).isEqualTo("No answer in time");
		}
	}

	/** The page's main area (the layout's menu is not the dashboard's). */
	static String main(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

	static String text(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as("a link with id %s in the page", id).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}

	static String link(String page, String id) {
		Matcher m = Pattern.compile("<a id=\"" + Pattern.quote(id) + "\" href=\"([^\"]*)\"").matcher(page);
		assertThat(m.find()).as("a link with id %s in the page", id).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}

}
