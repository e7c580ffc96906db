package org.mentorhub.profile;

import java.util.List;

/**
 * A person's name as lists sort it: without the academic or courtesy title in front (Dr. Maya Singh is
 * sorted under M). The initials of an avatar come from the layout's display formatter.
 */
public final class PersonNames {

	private PersonNames() {
	}

	/** The titles that may precede a name, as typed (with their dot). */
	static final List<String> TITLES = List.of("Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Mx.");

	/**
	 * An SQL expression for the lower-case sort key of a name column: the name without a leading title
	 * (one title; the three databases all know CASE, LIKE, SUBSTRING and LOWER).
	 */
	public static String sortKeySql(String column) {
		StringBuilder sql = new StringBuilder("LOWER(CASE");
		for (String title : TITLES) {
			sql.append(" WHEN ").append(column).append(" LIKE '").append(title).append(" %' THEN SUBSTRING(")
				.append(column).append(", ").append(title.length() + 2).append(")");
		}
		return sql.append(" ELSE ").append(column).append(" END)").toString();
	}

}
