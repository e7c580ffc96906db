package org.mentorhub.platform.web;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The layout's navigation, user menu and style guide, rendered for real accounts of a fresh institution. */
@MentorHubIntegrationTest
class LayoutIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	String page(String path, Account account) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(account.email()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aCoordinatorFindsAttendanceTheApprovalQueueAndActionItemsAndTheCurrentPageIsMarked() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);

		String html = page("/sessions/attendance", coordinator);

		assertThat(html).contains("class=\"nav-link active\" id=\"nav-attendance\" href=\"/sessions/attendance\" aria-current=\"page\"")
			.contains("id=\"nav-approvals\" href=\"/mentorships/manage?status=ACCEPTED\"")
			.contains("id=\"nav-action-items\" href=\"/action-items\"")
			.contains("id=\"nav-group-administration\"", "id=\"nav-group-mentoring\"")
			.doesNotContain("id=\"nav-people\"", "id=\"nav-outbox\"", "href=\"/#");
		assertThat(html.split("aria-current=\"page\"", -1)).as("one current entry").hasSize(2);
	}

	@Test
	void theUserMenuHoldsAccountSecurityTokensAndSignOut() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);

		String html = page("/account", mentor);

		assertThat(html).contains("id=\"user-menu-button\"", "id=\"nav-account\" href=\"/account\"",
				"id=\"nav-security\" href=\"/account/sessions\"", "id=\"nav-tokens\" href=\"/account/tokens\"",
				"id=\"nav-notification-settings\" href=\"/account/notifications\"", "id=\"sign-out\"",
				"id=\"nav-mentees\" href=\"/mentorships\"")
			.doesNotContain("id=\"nav-attendance\"", "id=\"nav-mentor\"")
			// The notification module fills the bell's slot.
			.contains("id=\"notification-slot\"", "id=\"notification-bell\" href=\"/notifications\"");
	}

	@Test
	void thePlatformAdministratorHasTheOutboxAndNoMemberPages() throws Exception {
		Account platform = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);

		String html = page("/platform/outbox", platform);

		assertThat(html).contains("class=\"nav-link active\" id=\"nav-outbox\" href=\"/platform/outbox\" aria-current=\"page\"")
			.contains("id=\"nav-institutions\"")
			.doesNotContain("id=\"nav-sessions\"", "id=\"nav-profile\"", "id=\"nav-calendar\"");
	}

	@Test
	void theStyleGuideShowsTheComponentsWithLabelsNotCodes() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);

		String html = page("/dev/ui", mentor);

		assertThat(html).contains("class=\"badge rounded-pill status-proposed\">Proposed</span>",
				"class=\"badge rounded-pill status-in_progress\">In progress</span>", ">In person<", ">MS</span>",
				"id=\"sampleEmail-error\"", "in 2 days")
			.doesNotContain(">IN_PROGRESS<");
	}

}
