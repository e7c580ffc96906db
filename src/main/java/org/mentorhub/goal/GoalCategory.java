package org.mentorhub.goal;

import java.util.Arrays;
import java.util.Optional;

/** What a goal is about (the seed's {@code goals.category}). */
public enum GoalCategory {

	ACADEMIC, CAREER, SKILL, PERSONAL, WELLBEING, OTHER;

	/** The category of this name (case does not matter), if there is one. */
	public static Optional<GoalCategory> of(String name) {
		String code = name == null ? "" : name.strip();
		return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code)).findFirst();
	}

}
