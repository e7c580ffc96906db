package org.mentorhub.identity.sso;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.SecretBox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;

/**
 * Sign-in with an organisation's account over real HTTP, against a local OpenID Connect stand-in
 * (WireMock): the browser's redirects are followed by hand, the ID token is signed with the
 * stand-in's RSA key (or another one), and every outcome is audited.
 */
@MentorHubServerTest
class SingleSignOnServerIntegrationTests {

	static final OidcStandIn PROVIDER = new OidcStandIn();

	@AfterAll
	static void stop() {
		PROVIDER.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox secrets;

	TestInstitution company;

	String domain;

	HttpTestClient browser;

	@BeforeEach
	void aCompanyWithSingleSignOn() {
		this.company = aCompany().build(this.jdbc);
		this.domain = this.company.code().toLowerCase(java.util.Locale.ROOT) + ".test";
		this.browser = new HttpTestClient(this.port);
		SsoFixtures.plant(this.jdbc, this.secrets, this.company.id(), PROVIDER.issuer(), OidcStandIn.CLIENT_SECRET,
				this.domain, "REFUSE", true);
	}

	/**
	 * Follows the browser's way: the button, the provider's authorize page (which sends it straight
	 * back with a code), and the callback; the token endpoint answers with the ID token made from the
	 * claims for the authorization request's nonce. Returns the callback's answer.
	 */
	HttpResponse<String> signInThroughTheProvider(String email, Boolean verified, String audience, RSAKey signer)
			throws Exception {
		HttpResponse<String> button = this.browser.get("/oauth2/authorization/" + SsoSettings.registrationId(this.company.id()));
		assertThat(button.statusCode()).isEqualTo(302);
		String authorize = button.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize");
		assertThat(OidcStandIn.parameter(authorize, "client_id")).isEqualTo(OidcStandIn.CLIENT_ID);
		assertThat(OidcStandIn.parameter(authorize, "redirect_uri"))
			.isEqualTo("http://localhost:" + this.port + "/login/oauth2/code/inst-" + this.company.id());
		PROVIDER.answerWith(OidcStandIn.claims(PROVIDER.issuer(), audience, email, verified,
				OidcStandIn.parameter(authorize, "nonce")), signer);
		HttpResponse<String> back = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(back.statusCode()).isEqualTo(302);
		String callback = back.headers().firstValue("Location").orElseThrow();
		return this.browser.get(callback.replaceFirst("^http://localhost:\\d+", ""));
	}

	HttpResponse<String> signInThroughTheProvider(String email) throws Exception {
		return signInThroughTheProvider(email, true, OidcStandIn.CLIENT_ID, PROVIDER.key);
	}

	List<String> auditOf(String action) {
		return this.jdbc.sql("SELECT COALESCE(after_state, '') FROM audit_logs WHERE action = :action "
				+ "AND institution_id = :inst ORDER BY id")
			.param("action", action)
			.param("inst", this.company.id())
			.query(String.class)
			.list();
	}

	boolean signedIn() {
		HttpResponse<String> me = this.browser.get("/api/v1/me", "application/json");
		return me.statusCode() == 200;
	}

	@Test
	void aPersonSignsInThroughTheProviderAndGetsTheSameSessionAsWithAPassword() throws Exception {
		Account mentee = this.company.aMentee().create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(mentee.email());

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(HttpTestClient.location(callback)).hasValue("/");
		HttpResponse<String> me = this.browser.get("/api/v1/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"primaryRole\":\"MENTEE\"").contains(mentee.email());
		assertThat(this.browser.get("/").statusCode()).isEqualTo(200);
		assertThat(auditOf("SIGN_IN_SUCCEEDED")).singleElement().asString().contains("single sign-on");
		assertThat(this.jdbc.sql("SELECT last_login_at FROM users WHERE id = :id")
			.param("id", mentee.id())
			.query(LocalDateTime.class)
			.optional()).isPresent();
	}

	@Test
	void theSignInPageOffersTheInstitutionsProvider() {
		HttpResponse<String> page = this.browser.get("/login");

		assertThat(page.body()).contains("id=\"sso-inst-" + this.company.id() + "\"")
			.contains("Sign in with Stand-in " + this.company.id());
	}

	@Test
	void anAddressOutsideTheInstitutionsDomainsIsRefused() throws Exception {
		Account outsider = TestAccounts.anAccount(RoleName.MENTEE)
			.in(this.company.id(), null)
			.withEmailDomain("elsewhere.test")
			.create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(outsider.email());

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=DOMAIN_NOT_ALLOWED");
		assertThat(this.browser.get("/login?sso-error=DOMAIN_NOT_ALLOWED").body())
			.contains("not one of the addresses this organisation signs in with");
		assertThat(signedIn()).isFalse();
		assertThat(auditOf("SSO_SIGN_IN_REFUSED")).singleElement().asString().contains("DOMAIN_NOT_ALLOWED");
		assertThat(auditOf("SIGN_IN_SUCCEEDED")).isEmpty();
	}

	@Test
	void anAddressThatIsNotVerifiedIsRefused() throws Exception {
		Account mentee = this.company.aMentee().create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(mentee.email(), false, OidcStandIn.CLIENT_ID,
				PROVIDER.key);

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=NO_VERIFIED_EMAIL");
		assertThat(signedIn()).isFalse();
	}

	@Test
	void aTokenWithABadSignatureIsRefused() throws Exception {
		Account mentee = this.company.aMentee().create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(mentee.email(), true, OidcStandIn.CLIENT_ID,
				PROVIDER.otherKey);

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=FAILED");
		assertThat(signedIn()).isFalse();
		assertThat(auditOf("SSO_SIGN_IN_REFUSED")).singleElement().asString().contains("invalid_id_token");
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		Account mentee = this.company.aMentee().create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(mentee.email(), true, "another-client",
				PROVIDER.key);

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=FAILED");
		assertThat(signedIn()).isFalse();
		assertThat(auditOf("SSO_SIGN_IN_REFUSED")).singleElement().asString().contains("invalid_id_token");
	}

	@Test
	void aDisabledAccountIsRefused() throws Exception {
		Account mentee = this.company.aMentee().withStatus("DISABLED").create(this.jdbc);

		HttpResponse<String> callback = signInThroughTheProvider(mentee.email());

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=DISABLED");
		assertThat(signedIn()).isFalse();
	}

	@Test
	void anUnknownAddressIsRefusedWhenTheInstitutionSaysSo() throws Exception {
		HttpResponse<String> callback = signInThroughTheProvider("newcomer@" + this.domain);

		assertThat(HttpTestClient.location(callback)).hasValue("/login?sso-error=UNKNOWN_ACCOUNT");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e")
			.param("e", "newcomer@" + this.domain)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownAddressGetsAMenteeAccountWhenTheInstitutionSaysSo() throws Exception {
		this.jdbc.sql("UPDATE institution_sso SET unknown_users = 'CREATE_INVITED' WHERE institution_id = :id")
			.param("id", this.company.id())
			.update();

		HttpResponse<String> callback = signInThroughTheProvider("Newcomer@" + this.domain);

		assertThat(HttpTestClient.location(callback)).hasValue("/");
		assertThat(this.browser.get("/api/v1/me", "application/json").body()).contains("\"primaryRole\":\"MENTEE\"");
		Map<String, Object> row = this.jdbc.sql("SELECT status, institution_id FROM users WHERE email = :e")
			.param("e", "newcomer@" + this.domain)
			.query()
			.singleRow();
		assertThat(row.values()).map(String::valueOf).containsExactly("ACTIVE", String.valueOf(this.company.id()));
		assertThat(auditOf("USER_INVITED")).hasSize(1);
		assertThat(auditOf("USER_ACTIVATED")).hasSize(1);
	}

	@Test
	void aPasswordIsRefusedForAnSsoOnlyInstitution() {
		SsoFixtures.passwordSignIn(this.jdbc, this.company.id(), false);
		Account mentee = this.company.aMentee().create(this.jdbc);

		HttpResponse<String> answer = this.browser.signIn(mentee.email(), TestAccounts.PASSWORD);

		assertThat(HttpTestClient.location(answer)).hasValue("/login?error");
		assertThat(this.browser.get("/login?error").body()).contains("Your organisation signs in with Stand-in");
		assertThat(signedIn()).isFalse();
		assertThat(auditOf("SIGN_IN_REFUSED_SSO_ONLY")).hasSize(1);
		assertThat(auditOf("SIGN_IN_SUCCEEDED")).isEmpty();
	}

	@Test
	void aWrongPasswordForAnSsoOnlyInstitutionReadsLikeAnyWrongPassword() {
		SsoFixtures.passwordSignIn(this.jdbc, this.company.id(), false);
		Account mentee = this.company.aMentee().create(this.jdbc);

		this.browser.signIn(mentee.email(), "not-the-password");

		assertThat(this.browser.get("/login?error").body()).doesNotContain("signs in with Stand-in");
	}

	@Test
	void theBreakGlassAdministratorStillSignsInWithAPassword() {
		SsoFixtures.passwordSignIn(this.jdbc, this.company.id(), false);
		Account admin = this.company.anAdmin().create(this.jdbc);

		HttpResponse<String> answer = this.browser.signIn(admin.email(), TestAccounts.PASSWORD);

		assertThat(HttpTestClient.location(answer)).hasValue("/");
		assertThat(signedIn()).isTrue();
	}

}
