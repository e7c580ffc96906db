package org.mentorhub.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
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

	long newUser(String email, String status, String passwordHash) {
		long role = this.jdbc.sql("SELECT id FROM roles WHERE name = 'MENTEE'").query(Long.class).single();
		long institution = this.jdbc.sql("SELECT id FROM institutions WHERE code = 'NBU'").query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO users (institution_id, primary_role_id, username, email, full_name, password_hash, status)
				VALUES (:institution, :role, :username, :email, 'Test Person', :hash, :status)""")
			.param("institution", institution)
			.param("role", role)
			.param("username", email.substring(0, email.indexOf('@')))
			.param("email", email)
			.param("hash", passwordHash)
			.param("status", status)
			.update();
		long id = this.jdbc.sql("SELECT id FROM users WHERE email = :email").param("email", email).query(Long.class).single();
		this.jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:user, :role)")
			.param("user", id)
			.param("role", role)
			.update();
		return id;
	}

	@Test
	void storedPasswordHashesAreArgon2idWithTheExplicitParameters() {
		assertThat(hashOf("admin@northbridge.demo")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void aSeededBcryptHashIsUpgradedToArgon2idAtTheNextSignIn() throws Exception {
		String email = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + "@northbridge.demo";
		newUser(email, "ACTIVE", new BCryptPasswordEncoder().encode("legacy passphrase 42"));

		this.mvc.perform(formLogin("/login").user(email).password("legacy passphrase 42")).andExpect(authenticated());

		assertThat(hashOf(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		this.mvc.perform(formLogin("/login").user(email).password("legacy passphrase 42")).andExpect(authenticated());
	}

	@Test
	void disabledAndInvitedAccountsCannotSignIn() throws Exception {
		String hash = new PasswordHashing().encode("a perfectly good password");
		String disabled = "disabled-" + UUID.randomUUID().toString().substring(0, 8) + "@northbridge.demo";
		String invited = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@northbridge.demo";
		newUser(disabled, "DISABLED", hash);
		newUser(invited, "INVITED", hash);

		this.mvc.perform(formLogin("/login").user(disabled).password("a perfectly good password"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(invited).password("a perfectly good password"))
			.andExpect(unauthenticated());
	}

}
