package org.mentorhub.goal;

import java.util.Arrays;
import java.util.Optional;

/** Where a goal stands (the seed's {@code goals.status}); a goal is open until it is COMPLETED. */
public enum GoalStatus {

	NOT_STARTED, IN_PROGRESS, AT_RISK, COMPLETED;

	/** The status of this name (case does not matter), if there is one. */
	public static Optional<GoalStatus> of(String name) {
		String code = name == null ? "" : name.strip();
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code)).findFirst();
	}

}
