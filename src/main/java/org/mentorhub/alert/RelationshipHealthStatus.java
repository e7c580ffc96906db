package org.mentorhub.alert;

import java.util.Locale;
import java.util.Optional;

/** How a running mentorship is doing, from best to worst; the worst signal decides. */
public enum RelationshipHealthStatus {

	HEALTHY, AT_RISK, STALLED;

	/** The status of a code, in any case; empty for an unknown one. */
	public static Optional<RelationshipHealthStatus> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	RelationshipHealthStatus worst(RelationshipHealthStatus other) {
		return other.ordinal() > ordinal() ? other : this;
	}

}
