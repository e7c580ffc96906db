package org.mentorhub.identity.signin;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.Accounts;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.PasswordHashing;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MentorHubIntegrationTest
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitations invitations;

	@Autowired
	UserDetailsService users;

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
	void aPasswordSetThroughTheApplicationIsStoredAsArgon2idWithTheExplicitParameters() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().build(this.jdbc);
		UserDetails admin = this.users.loadUserByUsername(college.anAdmin().create(this.jdbc).email());
		String email = "activated-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
		RunAs.run(admin, () -> this.invitations.invite(new Invitation(email, "Ava Activated", List.of(RoleName.MENTEE), null)));
		String token = Accounts.tokenMailedTo(this.jdbc, email, "/account/activate");

		this.mvc.perform(post("/api/v1/account/activation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"a perfectly good password\"}"))
			.andExpect(status().isOk());

		assertThat(hashOf(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		this.mvc.perform(formLogin("/login").user(email).password("a perfectly good password")).andExpect(authenticated());
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

	@Test
	void mixedCaseInputSignsInBecauseAddressesAndUsernamesAreStoredLowerCase() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().build(this.jdbc);
		UserDetails admin = this.users.loadUserByUsername(college.anAdmin().create(this.jdbc).email());
		String local = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 8);
		String typed = "  " + local + "@MentorHub.Test ";
		RunAs.run(admin, () -> this.invitations.invite(new Invitation(typed, "Max Mixed", List.of(RoleName.MENTEE), null)));
		String stored = local.toLowerCase(java.util.Locale.ROOT) + "@mentorhub.test";
		assertThat(this.jdbc.sql("SELECT username, email FROM users WHERE email = :e")
			.param("e", stored)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single()).isEqualTo(local.toLowerCase(java.util.Locale.ROOT) + " " + stored);
		String token = Accounts.tokenMailedTo(this.jdbc, stored, "/account/activate");
		this.mvc.perform(post("/api/v1/account/activation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"a perfectly good password\"}"))
			.andExpect(status().isOk());

		this.mvc.perform(formLogin("/login").user(local.toUpperCase(java.util.Locale.ROOT) + "@MENTORHUB.TEST")
			.password("a perfectly good password")).andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(" " + local + " ").password("a perfectly good password"))
			.andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(local + "@MentorHub.Test").password("not the password at all"))
			.andExpect(unauthenticated());
	}

	@Test
	void anAddressThatDiffersOnlyInCaseFromAnAccountsIsRefused() {
		TestInstitution college = TestInstitutions.aUniversity().build(this.jdbc);
		UserDetails admin = this.users.loadUserByUsername(college.anAdmin().create(this.jdbc).email());
		String email = "taken-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
		newUser(email, "ACTIVE", new PasswordHashing().encode("a perfectly good password"));

		assertThat(this.invitations.emailTaken(email.toUpperCase(java.util.Locale.ROOT))).isTrue();
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.mentorhub.platform.InvalidInputException.class,
				() -> RunAs.run(admin, () -> this.invitations
					.invite(new Invitation(email.toUpperCase(java.util.Locale.ROOT), "Twin", List.of(RoleName.MENTEE), null))))
			.problems()).extracting(problem -> problem.field() + ": " + problem.message())
			.containsExactly("email: An account with this e-mail address already exists.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE LOWER(email) = :e")
			.param("e", email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
