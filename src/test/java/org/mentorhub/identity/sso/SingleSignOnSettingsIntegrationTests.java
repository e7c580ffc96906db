package org.mentorhub.identity.sso;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
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
 * The administrator's single sign-on settings: saved through the page and the API with the secret
 * sealed (never in plain text in the table, never returned), bad input as 400 beside the fields or as
 * problem JSON with nothing written, other roles and other institutions refused, and the sign-in page
 * and settings page in a fixed number of statements.
 */
@MentorHubIntegrationTest
class SingleSignOnSettingsIntegrationTests {

	static final String SECRET = "the-planted-client-secret";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.mentorhub.platform.SecretBox secrets;

	TestInstitution company;

	Account admin;

	Account mentor;

	@BeforeEach
	void setUp() {
		this.company = aCompany().build(this.jdbc);
		this.admin = this.company.anAdmin().create(this.jdbc);
		this.mentor = this.company.aMentor().create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM institution_sso WHERE institution_id = :i")
			.param("i", this.company.id())
			.query(Long.class)
			.single();
	}

	@Test
	void theAdministratorSavesTheSettingsThroughThePageWithTheSecretSealed() throws Exception {
		this.mvc.perform(get("/admin/sso").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/login/oauth2/code/inst-" + this.company.id())));

		this.mvc.perform(post("/admin/sso").with(as(this.admin)).with(csrf())
			.param("enabled", "true").param("providerName", "Contoso Entra ID")
			.param("issuerUri", "https://login.microsoftonline.com/tenant-id/v2.0").param("clientId", "client-1")
			.param("clientSecret", SECRET).param("allowedDomains", "Contoso.example contoso-labs.example")
			.param("unknownUsers", "CREATE_INVITED").param("trustIssuerEmail", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/sso?saved=true"));

		String stored = this.jdbc.sql("SELECT client_secret_sealed FROM institution_sso WHERE institution_id = :i")
			.param("i", this.company.id()).query(String.class).single();
		assertThat(stored).isNotBlank().doesNotContain(SECRET);
		assertThat(this.jdbc.sql("SELECT allowed_domains FROM institution_sso WHERE institution_id = :i")
			.param("i", this.company.id()).query(String.class).single()).isEqualTo("contoso.example contoso-labs.example");
		this.mvc.perform(get("/admin/sso").with(as(this.admin)))
			.andExpect(content().string(containsString("A secret is stored")))
			.andExpect(content().string(not(containsString(SECRET))));
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Sign in with Contoso Entra ID")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'SSO_SETTINGS_CHANGED' AND entity_id = :i "
				+ "AND after_state NOT LIKE :secret")
			.param("i", String.valueOf(this.company.id())).param("secret", "%" + SECRET + "%")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theApiSavesAndNeverReturnsTheSecret() throws Exception {
		this.mvc.perform(put("/api/v1/single-sign-on").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"enabled":true,"providerName":"Keycloak","issuerUri":"https://id.example.org/realms/staff",
					 "clientId":"mentorhub","clientSecret":"%s","allowedDomains":["example.org"],
					 "unknownUsers":"REFUSE","passwordSignIn":false}""".formatted(SECRET)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clientSecret").value("STORED"))
			.andExpect(jsonPath("$.passwordSignIn").value(false))
			.andExpect(content().string(not(containsString(SECRET))));

		this.mvc.perform(get("/api/v1/single-sign-on").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.providerName").value("Keycloak"))
			.andExpect(jsonPath("$.registrationId").value("inst-" + this.company.id()))
			.andExpect(content().string(not(containsString(SECRET))));
	}

	@Test
	void badInputIsRefusedBesideTheFieldsAndWritesNothing() throws Exception {
		this.mvc.perform(post("/admin/sso").with(as(this.admin)).with(csrf())
			.param("providerName", "").param("issuerUri", "javascript:alert(1)").param("clientId", "c")
			.param("allowedDomains", "not a domain!").param("unknownUsers", "MAYBE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("providerName-error")))
			.andExpect(content().string(containsString("issuerUri-error")))
			.andExpect(content().string(containsString("allowedDomains-error")));
		this.mvc.perform(put("/api/v1/single-sign-on").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"providerName":"P","issuerUri":"http://idp.example.org","clientId":"c",
					 "allowedDomains":["example.org"],"unknownUsers":"REFUSE","authorizationUri":"https://idp.example.org/a"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("issuerUri")))
			.andExpect(content().string(containsString("all three endpoints")));

		assertThat(rows()).isZero();
	}

	@Test
	void onlyTheInstitutionsAdministratorsMayReadOrChangeTheSettings() throws Exception {
		this.mvc.perform(get("/admin/sso").with(as(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/single-sign-on").with(as(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/single-sign-on").with(as(this.mentor)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(SingleSignOnMatrixRows.JSON))
			.andExpect(status().isForbidden());

		// Another institution's administrator changes their own settings, never these.
		TestInstitution other = aCompany().build(this.jdbc);
		Account otherAdmin = other.anAdmin().create(this.jdbc);
		this.mvc.perform(put("/api/v1/single-sign-on").with(as(otherAdmin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(SingleSignOnMatrixRows.JSON))
			.andExpect(status().isOk());
		assertThat(rows()).isZero();
	}

	@Test
	void theSignInPageAndTheSettingsPageTakeAFixedNumberOfStatements() throws Exception {
		long loginBefore = StatementCounter.count(() -> this.mvc.perform(get("/login")).andExpect(status().isOk()));
		long settingsBefore = StatementCounter
			.count(() -> this.mvc.perform(get("/admin/sso").with(as(this.admin))).andExpect(status().isOk()));
		for (int i = 0; i < 3; i++) {
			TestInstitution more = aCompany().build(this.jdbc);
			SsoFixtures.plant(this.jdbc, this.secrets, more.id(), "https://idp.example.org", "s", "more.example", "REFUSE", true);
		}

		assertThat(StatementCounter.count(() -> this.mvc.perform(get("/login")).andExpect(status().isOk())))
			.isEqualTo(loginBefore);
		assertThat(StatementCounter
			.count(() -> this.mvc.perform(get("/admin/sso").with(as(this.admin))).andExpect(status().isOk())))
			.isEqualTo(settingsBefore);
	}

}
