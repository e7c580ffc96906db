package org.mentorhub.identity;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.identity.PasswordPolicyTests.passphrase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * QUALITY S2 end to end: what the policy accepts signs in exactly as typed, with nothing
 * truncated, on every database.
 */
@MentorHubIntegrationTest
class PasswordPolicyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordPolicy policy;

	@Test
	void password1IsRefused() {
		assertThat(this.policy.problems("password1")).isNotEmpty();
	}

	@Test
	void aHundredCharacterPassphraseSignsInAndTheSameWithItsLastCharacterChangedDoesNot() throws Exception {
		String passphrase = passphrase(100);
		assertThat(passphrase).hasSize(100);
		assertThat(this.policy.problems(passphrase)).isEmpty();
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("passphrase").withPassword(passphrase).create();
		String lastChanged = passphrase.substring(0, 99) + "?";

		this.mvc.perform(formLogin("/login").user(account.email()).password(lastChanged)).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(account.email()).password(passphrase))
			.andExpect(authenticated().withUsername(account.username()));
	}

	@Test
	void theLongestAllowedPasswordIsNotTruncated() throws Exception {
		String longest = passphrase(128);
		assertThat(this.policy.problems(longest)).isEmpty();
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("longest").withPassword(longest).create();

		// bcrypt would have ignored everything after the 72nd byte; argon2id reads it all.
		this.mvc.perform(formLogin("/login").user(account.email()).password(longest.substring(0, 72)))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(account.email()).password(longest.substring(0, 127) + "#"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(account.email()).password(longest))
			.andExpect(authenticated().withUsername(account.username()));
	}

	@Test
	void aHundredTwentyNineCharacterPasswordIsRefused() {
		assertThat(this.policy.problems(passphrase(129))).containsExactly("Use at most 128 characters.");
	}

	@Test
	void spacesAroundAPasswordAreKeptAsTyped() throws Exception {
		String spaced = " violet kettle under the bridge ";
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("spaced").withPassword(spaced).create();

		this.mvc.perform(formLogin("/login").user(account.email()).password(spaced.strip())).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(account.email()).password(spaced)).andExpect(authenticated());
	}

}
