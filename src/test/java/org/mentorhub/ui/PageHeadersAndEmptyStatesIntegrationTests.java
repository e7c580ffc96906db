package org.mentorhub.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The main list pages open with the one page header (fragments/ui :: pageHeader) and show an empty list as
 * the one empty state (fragments/ui :: emptyState) with its next action, in the full page and in the
 * htmx partial that replaces the results.
 */
@MentorHubIntegrationTest
class PageHeadersAndEmptyStatesIntegrationTests {

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

	String page(Account who, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(this.users.loadUserByUsername(who.email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The page's one header: an h1 with this text inside the page-header block. */
	static void assertHeader(String page, String title) {
		assertThat(page).contains("<div class=\"page-header\">");
		assertThat(page.split("<h1", -1)).as("one h1").hasSize(2);
		Matcher m = Pattern.compile("<div class=\"page-header\">\\s*<div>\\s*<h1 class=\"h3\">([^<]*)</h1>").matcher(page);
		assertThat(m.find()).as("the page header holds the h1").isTrue();
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1))).isEqualTo(title);
	}

	/** The empty state with this text and, when given, the action with this id. */
	static void assertEmptyState(String page, String text, String actionId) {
		Matcher m = Pattern.compile("<div class=\"empty-state\">(.*?)</div>\\s*(</div>)?", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("an empty state").isTrue();
		String state = page.substring(m.start(), Math.min(page.length(), m.start() + 800));
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(state)).contains(text);
		if (actionId != null) {
			assertThat(state).contains("id=\"" + actionId + "\"");
		}
	}

	@Test
	void aMenteeWithoutMentorsIsOfferedToFindOne() throws Exception {
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);

		String page = page(mentee, get("/mentorships"));

		assertHeader(page, "My mentorships");
		assertThat(page).contains("class=\"page-actions\"").contains("id=\"request-mentor\"");
		assertEmptyState(page, "No mentorships yet.", "find-mentor");
	}

	@Test
	void anAdministratorSeesEmptyListsWithTheirNextAction() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);

		String manage = page(admin, get("/mentorships/manage").param("status", "WITHDRAWN"));
		assertHeader(manage, "Mentorships");
		assertThat(manage).contains("id=\"propose-link\"");
		assertEmptyState(manage, "No mentorship has this status.", "empty-propose");

		String people = page(admin, get("/admin/users").param("query", "nobody-is-called-this"));
		assertHeader(people, "People");
		assertEmptyState(people, "Nobody matches these filters.", "all-users");
		// The htmx partial: the results only, the same empty state.
		String partial = page(admin, get("/admin/users").param("query", "nobody-is-called-this").header("HX-Request", "true"));
		assertEmptyState(partial, "Nobody matches these filters.", "all-users");

		String audit = page(admin, get("/admin/audit").param("entity", "no-such-entity-anywhere"));
		assertHeader(audit, "Audit log");
		assertEmptyState(audit, "No audit rows match these filters.", "audit-clear");

		String onboarding = page(admin, get("/admin/onboarding").param("q", "nobody-is-called-this"));
		assertHeader(onboarding, "Who has not finished onboarding");
		assertEmptyState(onboarding, "Everyone shown here has finished.", null);

		String imports = page(admin, get("/admin/users/import"));
		assertHeader(imports, "Import people from CSV");
		assertEmptyState(imports, "No imports yet.", null);
		assertHeader(page(admin, get("/admin/academic-imports")), "Import academic data from CSV");
	}

	@Test
	void aMenteeSeesTheDirectoryAndHerAccountPagesWithTheOneHeader() throws Exception {
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);

		String directory = page(mentee, get("/directory").param("q", "nobody-is-called-this"));
		assertHeader(directory, "Find a mentor");
		assertEmptyState(directory, "No mentor matches.", "clear-filters");

		String tokens = page(mentee, get("/account/tokens"));
		assertHeader(tokens, "Personal access tokens");
		assertEmptyState(tokens, "You have no tokens yet.", "first-token");

		assertHeader(page(mentee, get("/account")), "My account");
		assertHeader(page(mentee, get("/account/sessions")), "My sessions");
		assertHeader(page(mentee, get("/account/calendar")), "My calendar feed");

		String sessions = page(mentee, get("/sessions"));
		assertHeader(sessions, "My sessions");
		assertThat(sessions).contains("id=\"week-link\"");
		assertEmptyState(sessions, "No sessions in this list.", null);

		String items = page(mentee, get("/action-items"));
		assertHeader(items, "My action items");
		assertEmptyState(items, "Nothing is assigned to you.", null);
	}

}
