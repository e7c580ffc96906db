package org.mentorhub.profile;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A person's name as lists and avatars use it: without the academic or courtesy title in front ("Dr.
 * Maya Singh" is sorted under M and shows "MS", not "D"). Templates reach it as {@code @personNames}.
 */
@Component("personNames")
public class PersonNames {

	/** The titles that may precede a name, as typed (with their dot). */
	static final List<String> TITLES = List.of("Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Mx.");

	/** The name without a leading title; the name itself when it has none. */
	public static String withoutTitle(String name) {
		if (name == null) {
			return null;
		}
		String rest = name.strip();
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String title : TITLES) {
				if (rest.length() > title.length() && rest.regionMatches(true, 0, title, 0, title.length())
						&& Character.isWhitespace(rest.charAt(title.length()))) {
					rest = rest.substring(title.length()).strip();
					stripped = true;
				}
			}
		}
		return rest;
	}

	/** Up to two initials: of the first and the last word of the name without its title; "?" for none. */
	public String initials(String name) {
		String bare = withoutTitle(name);
		if (bare == null || bare.isEmpty()) {
			return "?";
		}
		String[] words = bare.split("\\s+");
		String first = words[0].substring(0, 1);
		String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
		return (first + last).toUpperCase(Locale.ROOT);
	}

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
