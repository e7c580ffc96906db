package org.mentorhub.alert;

import java.util.Arrays;
import java.util.Optional;

/** What an alert is about (the seed's list, checked by the alerts table). */
public enum AlertCategory {

	GPA, ATTENDANCE, MISSED_SESSIONS, GOALS, WELLBEING, ENGAGEMENT, OTHER;

	/** The category of this code (ignoring case and surrounding blanks), if there is one. */
	public static Optional<AlertCategory> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
