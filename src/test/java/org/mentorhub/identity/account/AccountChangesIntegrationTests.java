package org.mentorhub.identity.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.Accounts;
import org.mentorhub.identity.PasswordHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing the password, the e-mail address and the security question: each needs the current
 * password again, acts on the caller's own account only, and is notified and audited.
 */
@MentorHubIntegrationTest
class AccountChangesIntegrationTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	static final String NEW_PASSWORD = "amber meadow violin sunrise";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String json(String... keysAndValues) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			json.append(i == 0 ? "" : ",").append('"').append(keysAndValues[i]).append("\":\"")
				.append(keysAndValues[i + 1]).append('"');
		}
		return json.append('}').toString();
	}

	// ------------------------------------------------------------------ password

	@Test
	void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie phone = Accounts.signIn(this.mvc, email, PASSWORD);
		String hashBefore = Accounts.column(this.jdbc, "password_hash", email);

		this.mvc.perform(put("/api/v1/account/password").cookie(laptop).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)))
			.andExpect(status().isNoContent());

		assertThat(Accounts.column(this.jdbc, "password_hash", email)).isNotEqualTo(hashBefore)
			.startsWith(PasswordHashing.CURRENT_PREFIX);
		this.mvc.perform(get("/api/v1/me").cookie(phone)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").cookie(laptop)).andExpect(status().isOk());
		Accounts.signIn(this.mvc, email, NEW_PASSWORD);
		assertThat(Accounts.subjectsTo(this.jdbc, email)).contains("Your MentorHub password was changed");
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, email))).contains("PASSWORD_CHANGED");
		assertThat(this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'PASSWORD_CHANGED' AND entity_id = :id")
			.param("id", String.valueOf(Accounts.userId(this.jdbc, email)))
			.query(String.class)
			.single()).doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);
	}

	@Test
	void aWrongCurrentPasswordAWeakOneOrAMismatchChangesNothing() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);
		String hashBefore = Accounts.column(this.jdbc, "password_hash", email);

		this.mvc.perform(put("/api/v1/account/password").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("currentPassword", "not my password", "newPassword", NEW_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
			.andExpect(jsonPath("$.errors[0].message").value("That is not your current password."));
		this.mvc.perform(put("/api/v1/account/password").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("currentPassword", PASSWORD, "newPassword", "password1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"))
			.andExpect(jsonPath("$.errors[0].message", containsString("too common")));
		this.mvc.perform(put("/api/v1/account/password").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("currentPassword", PASSWORD, "newPassword", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Choose a password different from your current one."));
		this.mvc.perform(post("/account/password").cookie(session).with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("newPasswordConfirmation", NEW_PASSWORD + "!"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The two passwords are not the same.")))
			.andExpect(content().string(not(containsString(NEW_PASSWORD))));
		this.mvc.perform(post("/account/password").cookie(session)
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("newPasswordConfirmation", NEW_PASSWORD))
			.andExpect(status().isForbidden());

		assertThat(Accounts.column(this.jdbc, "password_hash", email)).isEqualTo(hashBefore);
	}

	@Test
	void thePasswordPageChangesThePasswordAndReturnsToTheAccount() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(get("/account/password").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Current password")));
		this.mvc.perform(post("/account/password").cookie(session).with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("newPasswordConfirmation", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account"));

		Accounts.signIn(this.mvc, email, NEW_PASSWORD);
	}

	// ------------------------------------------------------------------ e-mail

	@Test
	void anEmailChangeTakesEffectOnlyWhenTheLinkToTheNewAddressIsConfirmed() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String newEmail = "renamed-" + Accounts.unique() + "@example.org";
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(post("/api/v1/account/email-change-requests").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("newEmail", newEmail.toUpperCase(), "currentPassword", PASSWORD)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message").value(AccountRestController.EMAIL_ANSWER));

		assertThat(Accounts.userId(this.jdbc, email)).isPositive();
		assertThat(Accounts.mailTo(this.jdbc, email).get(0)).contains("asked to change its e-mail address to " + newEmail);
		String token = Accounts.tokenMailedTo(this.jdbc, newEmail, "/account/email/confirm");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_tokens WHERE token_hash = :t")
			.param("t", token)
			.query(Long.class)
			.single()).isZero();

		this.mvc.perform(get("/account/email/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(newEmail)));
		this.mvc.perform(post("/account/email/confirm").param("token", token).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your e-mail address has been changed")));

		long id = Accounts.userId(this.jdbc, newEmail);
		assertThat(Accounts.subjectsTo(this.jdbc, email)).contains("Your MentorHub e-mail address was changed");
		assertThat(Accounts.subjectsTo(this.jdbc, newEmail)).contains("Your MentorHub e-mail address was changed");
		assertThat(Accounts.auditedActions(this.jdbc, id)).contains("EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGED");
		Accounts.signIn(this.mvc, newEmail, PASSWORD);

		this.mvc.perform(post("/account/email/confirm").param("token", token).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("expired or has already been used")));
		this.mvc.perform(post("/api/v1/account/email-changes").contentType(MediaType.APPLICATION_JSON)
			.content(json("token", token)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"));
	}

	@Test
	void anEmailChangeNeedsTheCurrentPasswordAndAValidNewAddress() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);
		long mails = Accounts.count(this.jdbc, "SELECT COUNT(*) FROM outbox_mails");

		this.mvc.perform(post("/account/email").cookie(session).with(csrf())
			.param("newEmail", "fresh-" + Accounts.unique() + "@example.org")
			.param("currentPassword", "wrong password here"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That is not your current password.")));
		this.mvc.perform(post("/account/email").cookie(session).with(csrf())
			.param("newEmail", "not-an-address")
			.param("currentPassword", PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a valid e-mail address.")));
		this.mvc.perform(post("/api/v1/account/email-change-requests").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("newEmail", "x".repeat(400) + "@example.org", "currentPassword", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newEmail"));
		this.mvc.perform(post("/api/v1/account/email-change-requests").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("newEmail", email, "currentPassword", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("This is already your e-mail address."));

		assertThat(Accounts.count(this.jdbc, "SELECT COUNT(*) FROM outbox_mails")).isEqualTo(mails);
		assertThat(Accounts.count(this.jdbc, "SELECT COUNT(*) FROM account_tokens WHERE user_id = ?",
				Accounts.userId(this.jdbc, email))).isZero();
	}

	@Test
	void anAddressThatBelongsToAnotherAccountGetsTheSameAnswerAndNoLink() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		String taken = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(post("/account/email").cookie(session).with(csrf())
			.param("newEmail", taken)
			.param("currentPassword", PASSWORD))
			.andExpect(redirectedUrl("/account/email?sent"));

		assertThat(Accounts.mailTo(this.jdbc, taken)).isEmpty();
		assertThat(Accounts.column(this.jdbc, "email", taken)).isEqualTo(taken);
		this.mvc.perform(get("/account/email").param("sent", "").cookie(session))
			.andExpect(content().string(containsString("unless it already belongs to an account")));
	}

	@Test
	void aNewerEmailChangeRequestWithdrawsTheOlderLink() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);
		String first = "first-" + Accounts.unique() + "@example.org";
		String second = "second-" + Accounts.unique() + "@example.org";
		for (String address : new String[] { first, second }) {
			this.mvc.perform(post("/account/email").cookie(session).with(csrf())
				.param("newEmail", address)
				.param("currentPassword", PASSWORD)).andExpect(status().is3xxRedirection());
		}

		this.mvc.perform(get("/account/email/confirm").param("token", Accounts.tokenMailedTo(this.jdbc, first,
				"/account/email/confirm")))
			.andExpect(status().isGone());
		this.mvc.perform(get("/account/email/confirm").param("token", Accounts.tokenMailedTo(this.jdbc, second,
				"/account/email/confirm")))
			.andExpect(status().isOk());
		assertThat(Accounts.column(this.jdbc, "email", email)).isEqualTo(email);
	}

	// ------------------------------------------------------------------ security question

	@Test
	void theSecurityQuestionCanOnlyBeSetWhereTheInstitutionUsesIt() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(get("/account/security-question").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your institution does not use a security question.")));
		this.mvc.perform(put("/api/v1/account/security-question").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("question", "Name of my first pet?", "answer", "Rex", "currentPassword", PASSWORD)))
			.andExpect(status().isConflict());

		assertThat(Accounts.column(this.jdbc, "security_question", email)).isNull();
	}

	@Test
	void theSecurityAnswerIsStoredHashedAfterReauthentication() throws Exception {
		String code = Accounts.anInstitution().withSecurityQuestion().create(this.jdbc);
		String email = Accounts.anAccount().in(code).create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(post("/account/security-question").cookie(session).with(csrf())
			.param("question", "Name of my first pet?")
			.param("answer", "Rex the Dog")
			.param("currentPassword", "not the password"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That is not your current password.")));
		this.mvc.perform(post("/account/security-question").cookie(session).with(csrf())
			.param("question", "Pet?")
			.param("answer", "")
			.param("currentPassword", PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write a question of 5 to 300 characters.")))
			.andExpect(content().string(containsString("Write an answer of 3 to 200 characters.")));
		assertThat(Accounts.column(this.jdbc, "security_answer_hash", email)).isNull();

		this.mvc.perform(post("/account/security-question").cookie(session).with(csrf())
			.param("question", "Name of my first pet?")
			.param("answer", "Rex the Dog")
			.param("currentPassword", PASSWORD))
			.andExpect(redirectedUrl("/account"));

		assertThat(Accounts.column(this.jdbc, "security_question", email)).isEqualTo("Name of my first pet?");
		assertThat(Accounts.column(this.jdbc, "security_answer_hash", email)).startsWith(PasswordHashing.CURRENT_PREFIX)
			.doesNotContainIgnoringCase("rex");
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, email)))
			.contains("SECURITY_QUESTION_CHANGED");
		this.mvc.perform(get("/api/v1/account").cookie(session))
			.andExpect(jsonPath("$.securityQuestionAvailable").value(true))
			.andExpect(jsonPath("$.securityQuestion").value("Name of my first pet?"));
	}

	// ------------------------------------------------------------------ overview

	@Test
	void theOverviewShowsTheCallersOwnAccountAndLinksEveryStep() throws Exception {
		String email = Accounts.anAccount().named("Olive Overview").create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(get("/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Olive Overview")))
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("href=\"/account/password\"")))
			.andExpect(content().string(containsString("href=\"/account/email\"")))
			.andExpect(content().string(containsString("href=\"/account/sessions\"")))
			.andExpect(content().string(containsString("id=\"nav-account\" href=\"/account\"")));
		this.mvc.perform(get("/api/v1/account").cookie(session))
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.roles[0]").value("MENTEE"))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
	}

	@Test
	void anonymousVisitorsCannotReachTheAccountPages() throws Exception {
		this.mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/v1/account").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
		this.mvc.perform(put("/api/v1/account/password").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(json("currentPassword", "x", "newPassword", NEW_PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

}
