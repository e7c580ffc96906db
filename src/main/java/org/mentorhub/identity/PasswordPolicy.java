package org.mentorhub.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The password rules of QUALITY S2 (OWASP ASVS 6.2): 8 to 128 characters, no truncation and no
 * composition rules, and not a common or breached password, nor one made of the user's own
 * e-mail or name.
 */
@Component
public class PasswordPolicy {

	/** The shortest password accepted. */
	public static final int MIN_LENGTH = 8;

	/** The longest password accepted (never truncated). */
	public static final int MAX_LENGTH = 128;

	private final CommonPasswords commonPasswords;

	PasswordPolicy(CommonPasswords commonPasswords) {
		this.commonPasswords = commonPasswords;
	}

	/**
	 * The reasons the password is refused, empty when it is acceptable.
	 * @param password the candidate
	 * @param personalWords the user's e-mail, username and name, which the password must not be
	 */
	public List<String> problems(String password, String... personalWords) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			problems.add("Use at least " + MIN_LENGTH + " characters.");
			return problems;
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			problems.add("Use at most " + MAX_LENGTH + " characters.");
			return problems;
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.commonPasswords.contains(lower)) {
			problems.add("This password is too common; choose one that is hard to guess, such as a few unrelated words.");
		}
		for (String word : personalWords) {
			if (word != null && word.length() >= 3 && lower.equals(word.toLowerCase(Locale.ROOT))) {
				problems.add("Do not use your e-mail address, username or name as your password.");
				break;
			}
		}
		return problems;
	}

}
