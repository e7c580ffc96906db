package org.mentorhub.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules of QUALITY S2, without Spring. */
class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy(new CommonPasswords());

	static String passphrase(int length) {
		StringBuilder text = new StringBuilder();
		String[] words = { "violet", "kettle", "under", "the", "bridge", "sings", "quietly", "at", "dawn" };
		for (int i = 0; text.length() < length; i++) {
			text.append(words[i % words.length]).append(' ');
		}
		return text.substring(0, length - 1) + "!";
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(this.policy.problems("password1")).singleElement().asString().contains("too common");
		assertThat(this.policy.problems("PassWord1")).singleElement().asString().contains("too common");
	}

	@Test
	void theShippedListHoldsTenThousandPasswords() {
		assertThat(new CommonPasswords().size()).isGreaterThanOrEqualTo(9_900);
	}

	@Test
	void eightToOneHundredTwentyEightCharactersAreAccepted() {
		assertThat(this.policy.problems("zq8$kv2m")).isEmpty();
		assertThat(this.policy.problems(passphrase(100))).isEmpty();
		assertThat(this.policy.problems(passphrase(128))).isEmpty();
	}

	@Test
	void sevenCharactersAreTooShortAndOneHundredTwentyNineTooLong() {
		assertThat(this.policy.problems("zq8$kv2")).containsExactly("Use at least 8 characters.");
		assertThat(this.policy.problems(passphrase(129))).containsExactly("Use at most 128 characters.");
		assertThat(this.policy.problems(null)).containsExactly("Use at least 8 characters.");
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		String emoji = "\uD83D\uDE00";
		assertThat(this.policy.problems(emoji.repeat(128))).isEmpty();
		assertThat(this.policy.problems(emoji.repeat(129))).containsExactly("Use at most 128 characters.");
		assertThat(this.policy.problems(emoji.repeat(7))).containsExactly("Use at least 8 characters.");
	}

	@Test
	void thereAreNoCompositionRules() {
		assertThat(this.policy.problems("onlylowercaseletters")).isEmpty();
		assertThat(this.policy.problems("12345678901234567890")).isEmpty();
		assertThat(this.policy.problems("        spaces count too   ")).isEmpty();
	}

	@Test
	void theUsersOwnEmailUsernameOrNameIsRefused() {
		assertThat(this.policy.problems("Ann.Lee@example.org", "ann.lee@example.org", "annlee", "Ann Lee"))
			.singleElement().asString().contains("e-mail address, username or name");
		assertThat(this.policy.problems("annlee2024!", "ann.lee@example.org", "annlee", "Ann Lee")).isEmpty();
	}

}
