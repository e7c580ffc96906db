package org.mentorhub.identity.signin;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-registration: only where the institution allows it, only for its e-mail domains, with the
 * same answer whatever the address (QUALITY S4), and active only after the mailed link.
 */
@MentorHubIntegrationTest
class SelfRegistrationIntegrationTests {

	static final String PASSWORD = "copper kettle on the hill";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String registrationJson(String code, String name, String email, String password) {
		return """
				{"institutionCode":"%s","fullName":"%s","email":"%s","password":"%s"}""".formatted(code, name, email,
				password);
	}

	MvcResult registerThroughTheApi(String code, String email) throws Exception {
		return this.mvc.perform(post("/api/v1/account/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson(code, "Rita Register", email, PASSWORD)))
			.andReturn();
	}

	long usersWith(String email) {
		return Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users WHERE email = ?", email);
	}

	@Test
	void aPersonRegistersConfirmsWithTheirPasswordAndSignsIn() throws Exception {
		String domain = "reg-" + Accounts.unique() + ".example";
		String code = Accounts.anInstitution().allowingRegistrationFrom("@" + domain + ", other.example").create(this.jdbc);
		String email = "rita@" + domain;

		this.mvc.perform(post("/account/register").with(csrf())
			.param("institutionCode", code.toLowerCase())
			.param("fullName", "Rita Register")
			.param("email", email)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD))
			.andExpect(redirectedUrl("/account/register?sent"));

		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("INVITED");
		assertThat(this.jdbc.sql("SELECT r.name FROM users u JOIN roles r ON r.id = u.primary_role_id WHERE u.email = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo("MENTEE");
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(unauthenticated());
		String token = Accounts.tokenMailedTo(this.jdbc, email, "/account/register/confirm");

		this.mvc.perform(get("/account/register/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm your account")));
		this.mvc.perform(post("/account/register/confirm").with(csrf()).param("token", token).param("password", "not it at all"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That is not the password you chose when you registered.")));
		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("INVITED");
		this.mvc.perform(post("/account/register/confirm").with(csrf()).param("token", token).param("password", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your account is active")));

		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("ACTIVE");
		Accounts.signIn(this.mvc, email, PASSWORD);
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, email))).contains("USER_REGISTERED",
				"USER_ACTIVATED");
		this.mvc.perform(get("/account/register/confirm").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("expired or has already been used")));
		this.mvc.perform(post("/api/v1/account/registration-confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"));
	}

	@Test
	void theAnswerIsTheSameWhetherOrNotTheAddressMayRegisterOrAlreadyHasAnAccount() throws Exception {
		String domain = "same-" + Accounts.unique() + ".example";
		String open = Accounts.anInstitution().allowingRegistrationFrom(domain).create(this.jdbc);
		String closed = Accounts.anInstitution().withRegistrationOffButDomains(domain).create(this.jdbc);
		String existing = Accounts.anAccount().in(open).withEmail("known@" + domain).create(this.jdbc);
		String newcomer = "new@" + domain;
		String wrongDomain = "someone-" + Accounts.unique() + "@elsewhere.example";
		String closedPerson = "closed-" + Accounts.unique() + "@" + domain;
		String unknownCode = "nobody-" + Accounts.unique() + "@" + domain;

		List<MvcResult> results = new ArrayList<>();
		results.add(registerThroughTheApi(open, newcomer));
		results.add(registerThroughTheApi(open, existing));
		results.add(registerThroughTheApi(open, wrongDomain));
		results.add(registerThroughTheApi(closed, closedPerson));
		results.add(registerThroughTheApi("NO-SUCH-CODE", unknownCode));

		for (MvcResult result : results) {
			assertThat(result.getResponse().getStatus()).isEqualTo(202);
			assertThat(result.getResponse().getContentAsString())
				.isEqualTo(results.get(0).getResponse().getContentAsString())
				.contains("If this address can register, we have sent you a link.");
		}
		assertThat(usersWith(newcomer)).isOne();
		assertThat(usersWith(wrongDomain)).isZero();
		assertThat(usersWith(closedPerson)).isZero();
		assertThat(usersWith(unknownCode)).isZero();
		assertThat(Accounts.mailTo(this.jdbc, wrongDomain)).isEmpty();
		assertThat(Accounts.mailTo(this.jdbc, closedPerson)).isEmpty();
		assertThat(Accounts.subjectsTo(this.jdbc, existing)).containsExactly("Someone tried to register with your address");
		assertThat(Accounts.column(this.jdbc, "full_name", existing)).isEqualTo("Test Person");
	}

	@Test
	void thePageGivesTheSameAnswerForAnAddressThatMayNotRegister() throws Exception {
		String code = Accounts.anInstitution().allowingRegistrationFrom("only.example").create(this.jdbc);
		String email = "page-" + Accounts.unique() + "@elsewhere.example";

		this.mvc.perform(post("/account/register").with(csrf())
			.param("institutionCode", code)
			.param("fullName", "Pat Page")
			.param("email", email)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD))
			.andExpect(redirectedUrl("/account/register?sent"));
		this.mvc.perform(get("/account/register").param("sent", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("If this address can register, we have sent you a link.")));

		assertThat(usersWith(email)).isZero();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
		String domain = "bad-" + Accounts.unique() + ".example";
		String code = Accounts.anInstitution().allowingRegistrationFrom(domain).create(this.jdbc);
		long users = Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users");

		this.mvc.perform(post("/api/v1/account/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson("", "", "not-an-email", "password1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("institutionCode",
					"fullName", "email", "password")));
		this.mvc.perform(post("/api/v1/account/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson(code, "N".repeat(201), "long@" + domain, "a".repeat(129))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value("Use at most 128 characters."));
		this.mvc.perform(post("/account/register").with(csrf())
			.param("institutionCode", code)
			.param("fullName", "Mia Mismatch")
			.param("email", "mia@" + domain)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD + "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The two passwords are not the same.")))
			.andExpect(content().string(containsString("mia@" + domain)))
			.andExpect(content().string(not(containsString(PASSWORD))));
		this.mvc.perform(post("/account/register").with(csrf())
			.param("institutionCode", code)
			.param("fullName", "Wes Weak")
			.param("email", "wes@" + domain)
			.param("password", "password1")
			.param("passwordConfirmation", "password1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too common")));
		this.mvc.perform(post("/account/register")
			.param("institutionCode", code)
			.param("fullName", "No Token")
			.param("email", "csrf@" + domain)
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD))
			.andExpect(status().isForbidden());

		assertThat(Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users")).isEqualTo(users);
	}

	@Test
	void registeringAgainBeforeConfirmingReplacesThePendingPasswordAndWithdrawsTheOldLink() throws Exception {
		String domain = "again-" + Accounts.unique() + ".example";
		String code = Accounts.anInstitution().allowingRegistrationFrom(domain).create(this.jdbc);
		String email = "ann@" + domain;
		registerThroughTheApi(code, email);
		String firstToken = Accounts.tokenMailedTo(this.jdbc, email, "/account/register/confirm");

		this.mvc.perform(post("/api/v1/account/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson(code, "Ann Again", email, "second chosen passphrase")))
			.andExpect(status().isAccepted());
		String secondToken = Accounts.tokenMailedTo(this.jdbc, email, "/account/register/confirm");

		assertThat(secondToken).isNotEqualTo(firstToken);
		assertThat(usersWith(email)).isOne();
		this.mvc.perform(get("/account/register/confirm").param("token", firstToken)).andExpect(status().isGone());
		this.mvc.perform(post("/api/v1/account/registration-confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + secondToken + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		this.mvc.perform(post("/api/v1/account/registration-confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + secondToken + "\",\"password\":\"second chosen passphrase\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email));
		assertThat(Accounts.column(this.jdbc, "full_name", email)).isEqualTo("Ann Again");
	}

	@Test
	void anInvitedAccountIsNotTakenOverByARegistration() throws Exception {
		String domain = "inv-" + Accounts.unique() + ".example";
		String code = Accounts.anInstitution().allowingRegistrationFrom(domain).create(this.jdbc);
		String invited = Accounts.anAccount().in(code).withEmail("ivy@" + domain).withStatus("INVITED").create(this.jdbc);
		String hash = Accounts.column(this.jdbc, "password_hash", invited);

		registerThroughTheApi(code, invited);

		assertThat(Accounts.column(this.jdbc, "password_hash", invited)).isEqualTo(hash);
		assertThat(Accounts.mailTo(this.jdbc, invited).get(0)).contains("accept the invitation");
	}

	@Test
	void thePublicApiNeedsNoCsrfTokenFromAnonymousCallersButDoesFromSignedInOnes() throws Exception {
		String code = Accounts.anInstitution().allowingRegistrationFrom("csrf.example").create(this.jdbc);
		String email = Accounts.anAccount().create(this.jdbc);
		var session = Accounts.signIn(this.mvc, email, "quiet harbour lantern 42");

		this.mvc.perform(post("/api/v1/account/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson(code, "Anon", "anon-" + Accounts.unique() + "@csrf.example", PASSWORD)))
			.andExpect(status().isAccepted());
		this.mvc.perform(post("/api/v1/account/registrations").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content(registrationJson(code, "Signed In", "signed-" + Accounts.unique() + "@csrf.example", PASSWORD)))
			.andExpect(status().isForbidden());
	}

}
