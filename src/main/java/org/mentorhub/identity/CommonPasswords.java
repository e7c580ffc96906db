package org.mentorhub.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The shipped list of common and breached passwords ({@code identity/common-passwords.txt}, one per
 * line, lower-case), loaded once.
 */
@Component
class CommonPasswords {

	static final String RESOURCE = "/identity/common-passwords.txt";

	private final Set<String> passwords;

	CommonPasswords() {
		this.passwords = load();
	}

	boolean contains(String lowerCasePassword) {
		return this.passwords.contains(lowerCasePassword);
	}

	int size() {
		return this.passwords.size();
	}

	private static Set<String> load() {
		Set<String> result = new HashSet<>();
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String password = line.strip();
				if (!password.isEmpty() && !password.startsWith("#")) {
					result.add(password.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(result);
	}

}
