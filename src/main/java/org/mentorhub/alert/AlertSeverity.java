package org.mentorhub.alert;

import java.util.Arrays;
import java.util.Optional;

/** How urgent an alert is; the triage queue sorts by it (CRITICAL first) and each has its own response time. */
public enum AlertSeverity {

	INFO, WARN, CRITICAL;

	/** The severity of this code (ignoring case and surrounding blanks), if there is one. */
	public static Optional<AlertSeverity> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
