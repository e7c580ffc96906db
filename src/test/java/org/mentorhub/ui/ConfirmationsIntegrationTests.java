package org.mentorhub.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every destructive action asks first (fragments/confirm.html): its form sits in a closed
 * {@code <details>} behind the action's button, with the question and, where the domain keeps a
 * reason, a required reason field; an action without its reason is refused with a clear message and
 * changes nothing, and the form opens again beside the message.
 */
@MentorHubIntegrationTest
class ConfirmationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	String page(Account who, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The confirmation with this id: closed, with its question, and its reason field required or absent. */
	static String assertConfirmation(String page, String id, Boolean reasonRequired) {
		Matcher m = Pattern.compile("<details class=\"confirm-action[^\"]*\" id=\"" + Pattern.quote(id) + "\"([^>]*)>(.*?)</details>",
				Pattern.DOTALL)
			.matcher(page);
		assertThat(m.find()).as("a confirmation %s", id).isTrue();
		assertThat(m.group(1)).as("%s is closed until opened", id).doesNotContain("open");
		String body = m.group(2);
		assertThat(body).contains("<summary").contains("id=\"" + id + "-form\"").contains("id=\"" + id + "-question\"")
			.contains("id=\"" + id + "-submit\"");
		if (reasonRequired == null) {
			assertThat(body).doesNotContain("id=\"" + id + "-reason\"");
		}
		else {
			Matcher field = Pattern.compile("<textarea[^>]*id=\"" + Pattern.quote(id) + "-reason\"[^>]*>").matcher(body);
			assertThat(field.find()).as("the reason field of %s", id).isTrue();
			assertThat(field.group().contains("required")).as("%s's reason is required", id).isEqualTo(reasonRequired);
		}
		return body;
	}

	long session(SessionFixtures.Pair p, String status) {
		return SessionFixtures.session(this.jdbc, p.mentorshipId(), p.mentor().id(), p.mentee().id(), p.mentor().id(),
				status, Instant.now().plus(Duration.ofDays(5)), "Confirm walk");
	}

	String statusOf(String table, long id) {
		return this.jdbc.sql("SELECT status FROM " + table + " WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void cancellingASessionAsksWhyAndRefusesWithoutAReason() throws Exception {
		SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, this.college.code(), "CS", "ACTIVE");
		long id = session(p, "CONFIRMED");

		String view = page(p.mentee(), "/sessions/" + id);
		assertConfirmation(view, "cancel", true);
		// The other forms are closed buttons too; the record form is not offered before the session.
		assertThat(view).contains("id=\"reschedule-action\"").doesNotContain("id=\"complete-form\"");

		String refused = this.mvc.perform(post("/sessions/" + id + "/cancel").with(as(p.mentee())).with(csrf())
				.param("version", "0").param("reason", "  "))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statusOf("mentoring_sessions", id)).isEqualTo("CONFIRMED");
		assertThat(refused).contains("Say why you cancel the session").containsPattern("id=\"cancel\"[^>]*open");

		this.mvc.perform(post("/sessions/" + id + "/cancel").with(as(p.mentee())).with(csrf())
				.param("version", "0").param("reason", "I am ill"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf("mentoring_sessions", id)).isEqualTo("CANCELLED");
		assertThat(this.jdbc.sql("SELECT response_message FROM mentoring_sessions WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("I am ill");
	}

	@Test
	void aStartedSessionOffersRecordingFirstAndRejectingAsksForAReason() throws Exception {
		SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, this.college.code(), "CS", "ACTIVE");
		long started = SessionFixtures.session(this.jdbc, p.mentorshipId(), p.mentor().id(), p.mentee().id(),
				p.mentor().id(), "CONFIRMED", Instant.now().minus(Duration.ofHours(2)), "Started");
		String view = page(p.mentor(), "/sessions/" + started);
		int record = view.indexOf("id=\"record-action\"");
		assertThat(record).isPositive().isLessThan(view.indexOf("id=\"cancel\""));
		assertThat(view).containsPattern("id=\"record-action\"[^>]*open");

		long requested = SessionFixtures.session(this.jdbc, p.mentorshipId(), p.mentor().id(), p.mentee().id(),
				p.mentee().id(), "REQUESTED", Instant.now().plus(Duration.ofDays(9)), "Asked");
		assertConfirmation(page(p.mentor(), "/sessions/" + requested), "reject", true);
	}

	@Test
	void endingPausingWithdrawingAndDecliningAMentorshipAskFirst() throws Exception {
		SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, this.college.code(), "CS", "ACTIVE");
		String active = page(p.mentor(), "/mentorships/" + p.mentorshipId());
		assertConfirmation(active, "end", true);
		assertConfirmation(active, "pause", true);

		String refused = this.mvc.perform(post("/mentorships/" + p.mentorshipId() + "/end").with(as(p.mentor()))
				.with(csrf()).param("version", "0").param("reason", ""))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statusOf("mentorships", p.mentorshipId())).isEqualTo("ACTIVE");
		assertThat(refused).containsPattern("id=\"end\"[^>]*open");

		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long requested = TestMentorships.plant(this.jdbc, p.mentor(), mentee, "REQUESTED");
		assertConfirmation(page(mentee, "/mentorships/" + requested), "withdraw", null);
		assertConfirmation(page(p.mentor(), "/mentorships/" + requested), "decline", true);
	}

	@Test
	void disablingAUserAndRevokingATokenAskFirst() throws Exception {
		Account admin = this.college.anAdmin().create(this.jdbc);
		Account person = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		assertConfirmation(page(admin, "/admin/users/" + person.id()), "disable", null);

		String body = this.mvc.perform(post("/api/v1/account/tokens").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"script\",\"scopes\":[\"read\"],\"expiresInDays\":5}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Number tokenId = JsonPath.read(body, "$.id");
		assertConfirmation(page(admin, "/account/tokens"), "revoke-" + tokenId, null);
	}

}
