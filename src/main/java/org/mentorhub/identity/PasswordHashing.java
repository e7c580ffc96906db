package org.mentorhub.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords with argon2id at m=19456 KiB, t=2, p=1 (OWASP's minimum; QUALITY S1), set
 * explicitly because Spring's preset differs. It still verifies bcrypt hashes from older imports
 * and reports them, and argon2 hashes with other parameters, as needing an upgrade, which
 * Spring Security then performs at the next successful sign-in.
 */
public final class PasswordHashing implements PasswordEncoder {

	/** The prefix of every hash this encoder writes. */
	public static final String CURRENT_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

	private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.argon2.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		if (encodedPassword.startsWith("$argon2")) {
			return this.argon2.matches(rawPassword, encodedPassword);
		}
		if (encodedPassword.startsWith("$2")) {
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}
		return false;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encodedPassword != null && !encodedPassword.startsWith(CURRENT_PREFIX);
	}

}
