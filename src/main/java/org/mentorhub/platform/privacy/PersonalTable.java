package org.mentorhub.platform.privacy;

import java.util.List;
import java.util.Set;

/**
 * One table that holds personal data.
 * @param name the table, as its migration creates it
 * @param userColumns the columns that name a person (a user id, or an e-mail address)
 * @param erasure what erasure does to the person's rows
 * @param hiddenColumns columns never exported (secrets: hashes, keys, tokens)
 * @param holds what the table holds, in words
 */
public record PersonalTable(String name, List<String> userColumns, Erasure erasure, Set<String> hiddenColumns,
		String holds) {

	public PersonalTable {
		if (userColumns.isEmpty()) {
			throw new IllegalArgumentException("a personal table names at least one user column: " + name);
		}
		userColumns = List.copyOf(userColumns);
		hiddenColumns = Set.copyOf(hiddenColumns);
	}

	/** A table with no hidden columns. */
	public static PersonalTable of(String name, Erasure erasure, String holds, String... userColumns) {
		return new PersonalTable(name, List.of(userColumns), erasure, Set.of(), holds);
	}

	/** The same table with columns that are never exported. */
	public PersonalTable hiding(String... columns) {
		return new PersonalTable(this.name, this.userColumns, this.erasure, Set.of(columns), this.holds);
	}

	/** What erasure does to a person's rows of a table. */
	public enum Erasure {

		/** The rows that name the person in any user column are deleted. */
		DELETE,

		/**
		 * The rows the person owns (the first user column names them) are deleted; where another user column
		 * names them, that column is set to NULL.
		 */
		DELETE_OWN,

		/** The user columns that name the person are set to NULL; the rest of the row stays. */
		CLEAR,

		/**
		 * The rows stay as they are: a shared or legally required record (a session, a mentorship, the audit
		 * log). The person's account is pseudonymised, so the record shows "former member".
		 */
		KEEP,

		/** The provider's own code erases or pseudonymises (see its {@code erase}). */
		CUSTOM

	}

}
