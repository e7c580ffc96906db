package org.mentorhub.report;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.learning.ProgressView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mentee's home page (issue 21, part 4) beside the next session and goals it had: the learning paths
 * they follow (unfinished first, the first five, with the total) and their unread direct messages; only
 * their own, never another mentee's; a fixed number of statements whatever the number of paths.
 */
@MentorHubIntegrationTest
class MenteeHomeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	TestInstitution college;

	Account mentee;

	Account other;

	String t;

	@BeforeEach
	void plant() {
		this.t = unique();
		this.college = aUniversity().named("Mentee Home " + this.t).withDepartment("CS").build(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.other = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		Account friend = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		long done = path("Done path " + this.t, true);
		long half = path("Half path " + this.t, true);
		long draft = path("Draft path " + this.t, false);
		follow(this.mentee, done, 100, LocalDateTime.of(2026, 1, 2, 9, 0));
		follow(this.mentee, half, 50, null);
		follow(this.mentee, draft, 10, null);
		follow(this.other, path("Other's path " + this.t, true), 30, null);
		message(friend, this.mentee, false);
		message(friend, this.mentee, false);
		message(friend, this.mentee, true);
		message(friend, this.other, false);
		message(this.mentee, friend, false);
	}

	@Test
	void menteeSeesTheirOwnLearningAndUnreadMessages() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk()).andReturn();
		var model = result.getModelAndView().getModel();

		@SuppressWarnings("unchecked")
		List<ProgressView> learning = (List<ProgressView>) model.get("learning");
		// Published paths only (the draft is not shown), the unfinished one first.
		assertThat(learning).extracting(ProgressView::pathTitle)
			.containsExactly("Half path " + this.t, "Done path " + this.t);
		assertThat(model.get("learningTotal")).isEqualTo(2);
		assertThat(model.get("unreadMessages")).isEqualTo(unread(this.mentee));
		assertThat(model.get("unreadMessages")).isEqualTo(2L);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("My learning", "Half path " + this.t, "Completed", "2 unread messages")
			.doesNotContain("Other&#39;s path", "Other's path", "Draft path");

		var others = this.mvc.perform(get("/").with(as(this.other))).andExpect(status().isOk()).andReturn()
			.getModelAndView().getModel();
		assertThat(others.get("unreadMessages")).isEqualTo(1L);
		@SuppressWarnings("unchecked")
		List<ProgressView> theirs = (List<ProgressView>) others.get("learning");
		assertThat(theirs).extracting(ProgressView::pathTitle).containsExactly("Other's path " + this.t);
	}

	@Test
	void theLearningCardTakesAFixedNumberOfStatementsWhateverTheNumberOfPaths() throws Exception {
		this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk());
		long before = StatementCounter.count(() -> this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk()));
		for (int i = 0; i < 7; i++) {
			follow(this.mentee, path("More path " + i + " " + this.t, true), 10 * i, null);
		}
		MvcResult result = this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk()).andReturn();
		assertThat((List<?>) result.getModelAndView().getModel().get("learning")).hasSize(HomeDashboards.LEARNING_SHOWN);
		assertThat(result.getResponse().getContentAsString()).contains("All 9 of your paths");
		long after = StatementCounter.count(() -> this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk()));
		assertThat(after).isEqualTo(before);
	}

	private long unread(Account who) {
		return this.jdbc.sql("SELECT COUNT(*) FROM direct_messages WHERE receiver_id = :r AND is_read = FALSE")
			.param("r", who.id()).query(Long.class).single();
	}

	private long path(String title, boolean published) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO learning_paths (institution_id, title, category, is_published) VALUES (:i, :t, 'Careers', :p)""")
			.param("i", this.college.id()).param("t", title).param("p", published)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void follow(Account who, long path, int progress, LocalDateTime completed) {
		this.jdbc.sql("""
				INSERT INTO user_learning_progress (user_id, path_id, progress_pct, completed_at) VALUES (:u, :p, :pct, :c)""")
			.param("u", who.id()).param("p", path).param("pct", progress).param("c", completed)
			.update();
	}

	private void message(Account from, Account to, boolean read) {
		this.jdbc.sql("INSERT INTO direct_messages (sender_id, receiver_id, message, is_read) VALUES (:s, :r, 'Hello', :read)")
			.param("s", from.id()).param("r", to.id()).param("read", read).update();
	}

	private RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

}
