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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MentorHubIntegrationTest
class WebSecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** A university of this test's own, with the department CS. */
	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	UserDetails signedIn(Account account) {
		return this.users.loadUserByUsername(account.email());
	}

	@Test
	void loginPageIsPublicAndCarriesACsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("Sign in to MentorHub")));
	}

	@Test
	void pagesRedirectAnonymousVisitorsToTheSignInPage() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anAccountSignsInWithItsEmailAndPassword() throws Exception {
		Account admin = this.college.anAdmin().create(this.jdbc);
		this.mvc.perform(formLogin("/login").user(admin.email()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(admin.username()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void signInAcceptsTheUsernameToo() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(formLogin("/login").user(mentor.username()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(mentor.username()));
	}

	@Test
	void wrongPasswordAndUnknownAccountGiveTheSameAnswer() throws Exception {
		Account admin = this.college.anAdmin().create(this.jdbc);
		this.mvc.perform(formLogin("/login").user(admin.email()).password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		String domain = admin.email().substring(admin.email().indexOf('@'));
		this.mvc.perform(formLogin("/login").user("nobody" + domain).password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInWithoutACsrfTokenIsRefused() throws Exception {
		Account admin = this.college.anAdmin().create(this.jdbc);
		this.mvc.perform(post("/login").param("username", admin.email()).param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void signOutNeedsACsrfToken() throws Exception {
		var admin = user(signedIn(this.college.anAdmin().create(this.jdbc)));
		this.mvc.perform(post("/logout").with(admin)).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(admin).with(csrf())).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void anonymousApiCallsGetProblemJson401() throws Exception {
		this.mvc.perform(get("/api/v1/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("Sign in, or send a valid access token."));
	}

	@Test
	void meDescribesTheSignedInUser() throws Exception {
		Account student = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/me").with(user(signedIn(student))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(student.email()))
			.andExpect(jsonPath("$.primaryRole").value("MENTEE"))
			.andExpect(jsonPath("$.roles[0]").value("MENTEE"))
			.andExpect(jsonPath("$.passwordHash").doesNotExist())
			.andExpect(jsonPath("$.password").doesNotExist());
	}

	@Test
	void healthAndInfoArePublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info")).andExpect(status().isOk()).andExpect(jsonPath("$.app.name").value("MentorHub"));
	}

	@Test
	void otherActuatorEndpointsAreNotReachable() throws Exception {
		this.mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/env").with(user(signedIn(this.college.anAdmin().create(this.jdbc)))))
			.andExpect(status().isNotFound());
		Account platformAdmin = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
		this.mvc.perform(get("/actuator/beans").with(user(signedIn(platformAdmin))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists());
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void pagesWithPersonalDataAreNotCached() throws Exception {
		Account student = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/").with(user(signedIn(student))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

}
