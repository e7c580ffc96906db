package org.mentorhub.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * E-mail addresses and usernames are stored lower-case ({@link User} normalises them, V75 normalised the
 * rows from before), so every lookup takes a lower-cased argument and compares with {@code =}: the unique
 * indexes on both columns then answer it on H2, PostgreSQL and MariaDB, where {@code LOWER(email) = ?}
 * read every account.
 */
interface UserRepository extends JpaRepository<User, Long> {

	/** Finds a user by e-mail address or else by username, as typed on the login form, ignoring case. */
	default Optional<User> findByLogin(String login) {
		String key = Invitations.normalizeEmail(login);
		// Two indexed lookups rather than one "email = ? OR username = ?": H2 reads the whole table for an OR
		// across two columns.
		return key.isEmpty() ? Optional.empty() : findByEmail(key).or(() -> findByUsername(key));
	}

	/** The account with this address; pass it lower-cased ({@link Invitations#normalizeEmail}). */
	Optional<User> findByEmail(String lowerCaseEmail);

	/** Whether an account has this address; pass it lower-cased ({@link Invitations#normalizeEmail}). */
	boolean existsByEmail(String lowerCaseEmail);

	Optional<User> findByUsername(String lowerCaseUsername);

	boolean existsByUsername(String lowerCaseUsername);

}
