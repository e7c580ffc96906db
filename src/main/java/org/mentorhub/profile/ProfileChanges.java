package org.mentorhub.profile;

import java.util.List;

/**
 * A whole general profile as its owner (or an administrator) submits it. Enumerations come as
 * names and are checked by {@link Profiles}; the mentor part applies to mentors only, program and
 * year of study to students only. Roll number, GPA, attendance and risk level are not here: see
 * {@link AcademicChanges}.
 */
public record ProfileChanges(String firstName, String lastName, String title, String phone, String bio,
		String position, String organization, Integer yearsOfExperience, String areaOfExpertise,
		String preferredCommunication, String goalsText, String visibility, List<String> skills,
		List<String> interests, MentorChanges mentor, String program, Integer yearOfStudy, Long version) {
}
