package org.mentorhub.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTests {

	final PasswordHashing hashing = new PasswordHashing();

	@Test
	void hashesWithArgon2idAtTheExplicitParameters() {
		String hash = this.hashing.encode("correct horse battery staple");

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(this.hashing.matches("correct horse battery staple", hash)).isTrue();
		assertThat(this.hashing.matches("correct horse battery stapler", hash)).isFalse();
		assertThat(this.hashing.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void aHundredCharacterPassphraseIsNotTruncated() {
		String passphrase = "a".repeat(99) + "b";
		String hash = this.hashing.encode(passphrase);

		assertThat(this.hashing.matches(passphrase, hash)).isTrue();
		assertThat(this.hashing.matches("a".repeat(99) + "c", hash)).isFalse();
	}

	@Test
	void verifiesOlderBcryptHashesAndAsksForTheirUpgrade() {
		String bcrypt = new BCryptPasswordEncoder().encode("legacy-password");

		assertThat(this.hashing.matches("legacy-password", bcrypt)).isTrue();
		assertThat(this.hashing.upgradeEncoding(bcrypt)).isTrue();
	}

	@Test
	void asksToUpgradeArgon2HashesWithWeakerParameters() {
		String weaker = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("some password");

		assertThat(this.hashing.matches("some password", weaker)).isTrue();
		assertThat(this.hashing.upgradeEncoding(weaker)).isTrue();
	}

	@Test
	void refusesEmptyAndUnknownHashes() {
		assertThat(this.hashing.matches("x", "")).isFalse();
		assertThat(this.hashing.matches("x", "{noop}x")).isFalse();
		assertThat(this.hashing.matches("x", null)).isFalse();
	}

}
