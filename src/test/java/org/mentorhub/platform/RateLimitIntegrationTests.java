package org.mentorhub.platform;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** QUALITY S14: a burst past a limit gets 429 with Retry-After and problem JSON; other users are unaffected. */
@MentorHubIntegrationTest
class RateLimitIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	/** The audit export budget (AuditLogPageController) and the token creation budget (AccessTokensPageController). */
	static final int EXPORTS = 10;

	static final int TOKEN_CREATIONS = 10;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long count(String sql, long userId) {
		return this.jdbc.sql(sql).param("u", userId).query(Long.class).single();
	}

	@Test
	void aBurstOfAuditExportsIsCutOffAfterTheLimit() throws Exception {
		Account admin = this.college.a(RoleName.ADMIN).create(this.jdbc);
		Account colleague = this.college.a(RoleName.ADMIN).create(this.jdbc);
		for (int i = 0; i < EXPORTS; i++) {
			String path = i % 2 == 0 ? "/admin/audit/export.csv" : "/api/v1/audit-logs/export";
			this.mvc.perform(get(path).param("entity", "nothing-here").with(as(admin))).andExpect(status().isOk());
		}

		this.mvc.perform(get("/admin/audit/export.csv").param("entity", "nothing-here").with(as(admin)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("You have done this too often.")));
		this.mvc.perform(get("/api/v1/audit-logs/export").with(as(admin)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/admin/audit/export.csv").param("entity", "nothing-here").with(as(colleague)))
			.andExpect(status().isOk());

		assertThat(count("SELECT COUNT(*) FROM audit_logs WHERE user_id = :u AND action = 'AUDIT_EXPORTED'", admin.id()))
			.isEqualTo(EXPORTS);
	}

	@Test
	void aBurstOfTokenCreationsIsCutOffAfterTheLimit() throws Exception {
		Account owner = aCompany().withDepartment("ENGR").build(this.jdbc).a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		for (int i = 0; i < TOKEN_CREATIONS; i++) {
			this.mvc.perform(post("/api/v1/account/tokens").with(as(owner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"burst " + i + "\",\"scopes\":[\"read\"]}")).andExpect(status().isCreated());
		}

		this.mvc.perform(post("/api/v1/account/tokens").with(as(owner))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"one too many\",\"scopes\":[\"read\"]}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// The page shares the budget; a browser gets the error page with the same status.
		this.mvc.perform(post("/account/tokens").with(as(owner))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.param("name", "page")
			.param("scopes", "read"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));

		assertThat(count("SELECT COUNT(*) FROM personal_access_tokens WHERE user_id = :u", owner.id()))
			.isEqualTo(TOKEN_CREATIONS);
	}

}
