package org.mentorhub.support;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an issue is about (checked by the reported_issues table); ABUSE comes from abuse reports only. */
public enum IssueCategory {

	ACCOUNT, MATCHING, SESSIONS, TECHNICAL, CONDUCT, ABUSE, OTHER;

	/** The categories a person chooses from when they report an issue (ABUSE arrives by abuse reports). */
	public static List<IssueCategory> reportable() {
		return Arrays.stream(values()).filter(c -> c != ABUSE).toList();
	}

	/** The category of this code (ignoring case and surrounding blanks), if there is one. */
	public static Optional<IssueCategory> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
