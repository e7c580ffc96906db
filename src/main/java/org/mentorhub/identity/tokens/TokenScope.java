package org.mentorhub.identity.tokens;

import java.util.Locale;
import java.util.Optional;

/**
 * What a personal access token may do. A request needs {@code read} for GET, HEAD and OPTIONS and
 * {@code write} for every other method; {@code admin} keeps the administrator permissions of the
 * token's owner, which a token without it does not carry. See {@code docs/api-tokens.md}.
 */
public enum TokenScope {

	/** Safe (reading) requests. */
	READ,
	/** Unsafe (changing) requests. */
	WRITE,
	/** The owner's administrator permissions (managing institutions, departments, users; reading the audit log). */
	ADMIN;

	/** The scope's name as the API and the form use it: {@code read}, {@code write} or {@code admin}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The authority that marks a request made with this scope ({@code SCOPE_read}, ...). */
	String authority() {
		return "SCOPE_" + value();
	}

	/** The scope with this name, ignoring case and surrounding blanks. */
	static Optional<TokenScope> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (TokenScope scope : values()) {
			if (scope.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}

}
