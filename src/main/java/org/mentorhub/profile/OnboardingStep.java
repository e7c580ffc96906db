package org.mentorhub.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The kinds of step of the onboarding wizard, in the order they are shown. Which ones a person gets
 * follows from their roles: see {@link #forRoles}.
 */
public enum OnboardingStep {

	/** Everyone: title, phone, bio and how to be reached. */
	ABOUT,
	/** Mentees, students and new mothers: goals and interests. */
	GOALS,
	/** Students: their academic record, read only. */
	ACADEMIC,
	/** New mothers: the support they want. */
	SUPPORT,
	/** Mentors: capacity, accepting new mentees, supporting new mothers, specialisation. */
	MENTORING,
	/** Mentors: the weekly availability grid. */
	AVAILABILITY;

	/**
	 * The steps of a person with these roles (names of {@code RoleName}); {@code student} when they
	 * have a student profile. Administrators and coordinators get only {@link #ABOUT}.
	 */
	public static List<OnboardingStep> forRoles(Collection<String> roles, boolean student) {
		List<OnboardingStep> steps = new ArrayList<>();
		steps.add(ABOUT);
		if (roles.contains("MENTEE") || roles.contains("NEW_MOTHER") || student) {
			steps.add(GOALS);
		}
		if (student) {
			steps.add(ACADEMIC);
		}
		if (roles.contains("NEW_MOTHER")) {
			steps.add(SUPPORT);
		}
		if (roles.contains("MENTOR")) {
			steps.add(MENTORING);
			steps.add(AVAILABILITY);
		}
		return List.copyOf(steps);
	}

	/** The step's name in paths and message keys: {@code about}, {@code goals}, ... */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
