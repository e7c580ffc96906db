package org.mentorhub.identity.tokens;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal access tokens: created once-visible, stored hashed, scoped, expiring, revocable (issue 3, item 4). */
@MentorHubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalAccessTokensIntegrationTests {

	/** A fresh university and a fresh company of this test's own. */
	TestInstitution college;

	TestInstitution company;

	@BeforeEach
	void freshInstitutions() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
	}

	/** The 401 of GET /api/v1/me: the same fields as every other problem answer, the path as instance. */
	static final String UNAUTHORIZED = "{\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"Sign in, or send a valid access token.\",\"instance\":\"/api/v1/me\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	/** Creates a token through the API, signed in with a session; returns the token. */
	String createToken(Account account, String scopes, int days) throws Exception {
		String body = this.mvc.perform(post("/api/v1/account/tokens").with(as(account))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"script\",\"scopes\":[" + scopes + "],\"expiresInDays\":" + days + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	long idOf(String token) {
		return this.jdbc.sql("SELECT id FROM personal_access_tokens WHERE token_hash = :h")
			.param("h", TokenHashing.sha256Hex(token))
			.query(Long.class)
			.single();
	}

	long tokensOf(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM personal_access_tokens WHERE user_id = :u")
			.param("u", account.id())
			.query(Long.class)
			.single();
	}

	boolean revoked(long id) {
		return this.jdbc.sql("SELECT revoked_at FROM personal_access_tokens WHERE id = :id")
			.param("id", id)
			.query(LocalDateTime.class)
			.optional()
			.isPresent();
	}

	Account mentee() {
		return this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
	}

	@Test
	void theTokenIsShownOnceAndOnlyItsHashIsStored(CapturedOutput output) throws Exception {
		Account owner = mentee();
		String page = this.mvc.perform(post("/account/tokens").with(as(owner))
			.with(csrf())
			.param("name", "Reporting script")
			.param("scopes", "read")
			.param("days", "30"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = Pattern.compile("id=\"new-token\"[^>]*value=\"(mh_[A-Za-z0-9_-]{43})\"").matcher(page);
		assertThat(shown.find()).as("the new token on the page").isTrue();
		String token = shown.group(1);

		var stored = this.jdbc.sql("SELECT id, token_prefix, token_hash, scopes, expires_at, created_at FROM personal_access_tokens "
				+ "WHERE user_id = :u")
			.param("u", owner.id())
			.query()
			.singleRow();
		assertThat(stored.get("token_hash")).isEqualTo(TokenHashing.sha256Hex(token));
		assertThat(stored.get("token_prefix")).isEqualTo(token.substring(0, 11));
		assertThat(stored.get("scopes")).isEqualTo("read");
		assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains(token));

		this.mvc.perform(get("/account/tokens").with(as(owner)))
			.andExpect(content().string(containsString("Reporting script")))
			.andExpect(content().string(containsString(token.substring(0, 11))))
			.andExpect(content().string(not(containsString(token))));
		this.mvc.perform(get("/api/v1/account/tokens").with(as(owner)))
			.andExpect(jsonPath("$[0].name").value("Reporting script"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].token").doesNotExist())
			.andExpect(content().string(not(containsString(token))));

		String audited = this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'TOKEN_CREATED' AND entity_id = :id")
			.param("id", String.valueOf(stored.get("id")))
			.query(String.class)
			.single();
		assertThat(audited).contains("Reporting script", "\"scopes\":\"read\"").doesNotContain(token);
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void aBearerTokenAuthenticatesApiCallsWithoutCreatingASession() throws Exception {
		Account owner = mentee();
		String token = createToken(owner, "\"read\"", 7);

		MvcResult result = this.mvc.perform(get("/api/v1/me").with(bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(owner.email()))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();

		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(this.jdbc.sql("SELECT last_used_at FROM personal_access_tokens WHERE id = :id")
			.param("id", idOf(token))
			.query(LocalDateTime.class)
			.optional()).isPresent();
	}

	@Test
	void aWriteTokenNeedsNoCsrfTokenButAReadTokenCannotWrite() throws Exception {
		Account owner = mentee();
		String readOnly = createToken(owner, "\"read\"", 7);
		String writer = createToken(owner, "\"read\",\"write\"", 7);
		long readOnlyId = idOf(readOnly);

		this.mvc.perform(delete("/api/v1/account/tokens/{id}", readOnlyId).with(bearer(readOnly)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("This access token's scopes do not allow this request."));
		assertThat(revoked(readOnlyId)).isFalse();

		this.mvc.perform(delete("/api/v1/account/tokens/{id}", readOnlyId).with(bearer(writer)))
			.andExpect(status().isNoContent());
		assertThat(revoked(readOnlyId)).isTrue();
		this.mvc.perform(get("/api/v1/me").with(bearer(readOnly))).andExpect(status().isUnauthorized());
	}

	@Test
	void aWriteOnlyTokenCannotRead() throws Exception {
		String writer = createToken(mentee(), "\"write\"", 7);

		this.mvc.perform(get("/api/v1/me").with(bearer(writer))).andExpect(status().isForbidden());
	}

	@Test
	void aTokenCannotCreateTokens() throws Exception {
		Account owner = mentee();
		String writer = createToken(owner, "\"read\",\"write\"", 7);
		long before = tokensOf(owner);

		this.mvc.perform(post("/api/v1/account/tokens").with(bearer(writer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"copy\",\"scopes\":[\"read\",\"write\"]}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(tokensOf(owner)).isEqualTo(before);
	}

	@Test
	void administratorPermissionsNeedTheAdminScope() throws Exception {
		Account admin = this.college.a(RoleName.ADMIN).create(this.jdbc);
		String plain = createToken(admin, "\"read\"", 7);
		String withAdmin = createToken(admin, "\"read\",\"admin\"", 7);

		this.mvc.perform(get("/api/v1/audit-logs").with(bearer(plain)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/me").with(bearer(plain)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", not(hasItems("ADMIN"))));
		this.mvc.perform(get("/api/v1/audit-logs").with(bearer(withAdmin))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").with(bearer(withAdmin))).andExpect(jsonPath("$.roles", hasItems("ADMIN")));
	}

	@Test
	void onlyAdministratorsMayAskForTheAdminScope() throws Exception {
		Account mentor = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);

		this.mvc.perform(post("/api/v1/account/tokens").with(as(mentor))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"read\",\"admin\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scopes"))
			.andExpect(jsonPath("$.errors[0].message").value("The admin scope is only for administrators."));
		assertThat(tokensOf(mentor)).isZero();
	}

	@Test
	void unknownExpiredRevokedAndMalformedTokensAllGetTheSame401() throws Exception {
		Account owner = mentee();
		String expired = createToken(owner, "\"read\"", 1);
		this.jdbc.sql("UPDATE personal_access_tokens SET expires_at = :past WHERE id = :id")
			.param("past", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", idOf(expired))
			.update();
		String revoked = createToken(owner, "\"read\"", 1);
		this.mvc.perform(delete("/api/v1/account/tokens/{id}", idOf(revoked)).with(as(owner)).with(csrf()))
			.andExpect(status().isNoContent());
		String unknown = "mh_" + TokenHashing.newToken();

		for (String token : new String[] { expired, revoked, unknown, "not-a-token", "mh_short", "" }) {
			this.mvc.perform(get("/api/v1/me").with(bearer(token)))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().json(UNAUTHORIZED, true));
		}
	}

	@Test
	void aDisabledAccountsTokensStopWorking() throws Exception {
		Account owner = mentee();
		String token = createToken(owner, "\"read\"", 7);
		this.jdbc.sql("UPDATE users SET status = 'DISABLED' WHERE id = :id").param("id", owner.id()).update();

		this.mvc.perform(get("/api/v1/me").with(bearer(token)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().json(UNAUTHORIZED, true));
	}

	@Test
	void bearerTokensAreIgnoredOutsideTheApi() throws Exception {
		String token = createToken(mentee(), "\"read\"", 7);

		this.mvc.perform(get("/").with(bearer(token))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/account/tokens").with(bearer(token))).andExpect(status().isFound());
	}

	@Test
	void cookieAuthenticatedUnsafeCallsStillNeedACsrfToken() throws Exception {
		Account owner = mentee();
		String token = createToken(owner, "\"read\"", 7);

		this.mvc.perform(post("/api/v1/account/tokens").with(as(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"read\"]}")).andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/account/tokens/{id}", idOf(token)).with(as(owner)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/account/tokens").with(as(owner)).param("name", "x").param("scopes", "read"))
			.andExpect(status().isForbidden());
		assertThat(revoked(idOf(token))).isFalse();
		assertThat(tokensOf(owner)).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedWithTheFieldsNamedAndNothingIsWritten() throws Exception {
		Account owner = mentee();
		String[] bodies = { "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":0}",
				"{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":999}",
				"{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":366}",
				"{\"name\":\"x\",\"scopes\":[\"superuser\"]}", "{\"name\":\"x\",\"scopes\":[]}",
				"{\"name\":\"   \",\"scopes\":[\"read\"]}", "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"read\"]}" };
		String[] fields = { "expiresInDays", "expiresInDays", "expiresInDays", "scopes", "scopes", "name", "name" };
		for (int i = 0; i < bodies.length; i++) {
			this.mvc.perform(post("/api/v1/account/tokens").with(as(owner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(bodies[i]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(fields[i]));
		}
		this.mvc.perform(post("/api/v1/account/tokens").with(as(owner))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":\"soon\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "x").param("scopes", "read")
			.param("days", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose an expiry from 1 to 365 days.")));
		this.mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "x").param("scopes", "root")
			.param("days", "999"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown scope")))
			.andExpect(content().string(containsString("Choose an expiry from 1 to 365 days.")))
			.andExpect(content().string(not(containsString("id=\"new-token\""))));

		assertThat(tokensOf(owner)).isZero();
	}

	@Test
	void nobodyCanRevokeAnotherUsersToken() throws Exception {
		Account owner = mentee();
		Account other = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		Account foreignAdmin = this.company.a(RoleName.ADMIN).create(this.jdbc);
		long id = idOf(createToken(owner, "\"read\"", 7));
		String othersWriter = createToken(other, "\"read\",\"write\"", 7);

		this.mvc.perform(delete("/api/v1/account/tokens/{id}", id).with(as(other)).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/v1/account/tokens/{id}", id).with(bearer(othersWriter)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/account/tokens/{id}/revoke", id).with(as(foreignAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/account/tokens").with(as(other)))
			.andExpect(content().string(not(containsString("\"id\":" + id + ","))));

		assertThat(revoked(id)).isFalse();
	}

	@Test
	void revokingOnThePageWorksWithAndWithoutHtmxAndIsAudited() throws Exception {
		Account owner = mentee();
		long first = idOf(createToken(owner, "\"read\"", 7));
		long second = idOf(createToken(owner, "\"read\"", 7));

		this.mvc.perform(post("/account/tokens/{id}/revoke", first).with(as(owner)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account/tokens?revoked"));
		this.mvc.perform(post("/account/tokens/{id}/revoke", second).with(as(owner)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-list\"")))
			.andExpect(content().string(not(containsString("<html"))));

		assertThat(revoked(first)).isTrue();
		assertThat(revoked(second)).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'TOKEN_REVOKED' AND entity_id IN (:ids)")
			.param("ids", java.util.List.of(String.valueOf(first), String.valueOf(second)))
			.query(Long.class)
			.single()).isEqualTo(2);
		// Revoking again changes nothing and records nothing.
		this.mvc.perform(delete("/api/v1/account/tokens/{id}", first).with(as(owner)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'TOKEN_REVOKED' AND entity_id = :id")
			.param("id", String.valueOf(first))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aUseIsRecordedAtMostOnceAMinute() throws Exception {
		String token = createToken(mentee(), "\"read\"", 7);
		long id = idOf(token);
		LocalDateTime thirtySecondsAgo = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(30).withNano(0);
		LocalDateTime twoMinutesAgo = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(2).withNano(0);

		this.jdbc.sql("UPDATE personal_access_tokens SET last_used_at = :t WHERE id = :id").param("t", thirtySecondsAgo).param("id", id).update();
		this.mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());
		assertThat(lastUsed(id)).isEqualTo(thirtySecondsAgo);

		this.jdbc.sql("UPDATE personal_access_tokens SET last_used_at = :t WHERE id = :id").param("t", twoMinutesAgo).param("id", id).update();
		this.mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());
		assertThat(lastUsed(id)).isAfter(thirtySecondsAgo);
	}

	LocalDateTime lastUsed(long id) {
		return this.jdbc.sql("SELECT last_used_at FROM personal_access_tokens WHERE id = :id")
			.param("id", id)
			.query(LocalDateTime.class)
			.single();
	}

	@Test
	void theTokenAndAuditEndpointsAreInTheOpenApiDocument() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/account/tokens'].get.summary").value("List my tokens"))
			.andExpect(jsonPath("$.paths['/api/v1/account/tokens'].post.summary").value("Create a token"))
			.andExpect(jsonPath("$.paths['/api/v1/account/tokens/{id}'].delete.summary").value("Revoke a token"))
			.andExpect(jsonPath("$.paths['/api/v1/audit-logs'].get.summary").value("Search the audit log"))
			.andExpect(jsonPath("$.paths['/api/v1/audit-logs/export'].get.summary").value("Export the audit log as CSV"));
	}

	@Test
	void apiErrorsOfBearerCallsAreProblemJson() throws Exception {
		String token = createToken(mentee(), "\"read\",\"write\"", 7);

		this.mvc.perform(delete("/api/v1/account/tokens/{id}", Long.MAX_VALUE).with(bearer(token)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/audit-logs").with(bearer(token)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("You may not do this."));
		this.mvc.perform(delete("/api/v1/account/tokens/{id}", "abc").with(bearer(token)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
