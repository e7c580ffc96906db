package org.mentorhub.wellbeing;

import java.util.Arrays;
import java.util.Optional;

/** What a milestone of a new mother's timeline is about (the CHECK of V11). */
public enum MilestoneType {

	PREGNANCY, LEAVE_START, BIRTH, CHILDCARE, HEALTH, RETURN_TO_WORK, CAREER, OTHER;

	/** The type of this code, if it is one. */
	public static Optional<MilestoneType> of(String code) {
		return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
	}

}
