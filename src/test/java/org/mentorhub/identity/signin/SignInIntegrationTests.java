package org.mentorhub.identity.signin;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestInstitutions;
import org.mentorhub.identity.PasswordHashing;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

@MentorHubIntegrationTest
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String hashOf(String email) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	/** A mentee of a fresh university with the given stored hash. */
	long newUser(String email, String status, String passwordHash) {
		return org.mentorhub.TestAccounts.anAccount(RoleName.MENTEE)
			.in(TestInstitutions.aUniversity().build(this.jdbc).id(), null)
			.withUsername(email.substring(0, email.indexOf('@')))
			.withEmail(email)
			.named("Test Person")
			.withPasswordHash(passwordHash)
			.withStatus(status)
			.create(this.jdbc)
			.id();
	}

	@Test
	void storedPasswordHashesAreArgon2idWithTheExplicitParameters() {
		// The demo's accounts: the one place that stores hashes without a sign-in or a password change.
		assertThat(hashOf("admin@northbridge.demo")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void aSeededBcryptHashIsUpgradedToArgon2idAtTheNextSignIn() throws Exception {
		String email = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
		newUser(email, "ACTIVE", new BCryptPasswordEncoder().encode("legacy passphrase 42"));

		this.mvc.perform(formLogin("/login").user(email).password("legacy passphrase 42")).andExpect(authenticated());

		assertThat(hashOf(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		this.mvc.perform(formLogin("/login").user(email).password("legacy passphrase 42")).andExpect(authenticated());
	}

	@Test
	void disabledAndInvitedAccountsCannotSignIn() throws Exception {
		String hash = new PasswordHashing().encode("a perfectly good password");
		String disabled = "disabled-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
		String invited = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
		newUser(disabled, "DISABLED", hash);
		newUser(invited, "INVITED", hash);

		this.mvc.perform(formLogin("/login").user(disabled).password("a perfectly good password"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(invited).password("a perfectly good password"))
			.andExpect(unauthenticated());
	}

}
