package org.mentorhub.profile;

import java.util.List;

/**
 * What a person enters in one step of the onboarding wizard; each step reads only its own fields
 * and ignores the rest. Within a step, absent texts and lists are cleared; an absent capacity or
 * yes/no answer stays as it is.
 * <ul>
 * <li>{@code ABOUT}: title, phone, bio, preferredCommunication</li>
 * <li>{@code GOALS}: goalsText, interests</li>
 * <li>{@code ACADEMIC}: nothing (read only)</li>
 * <li>{@code SUPPORT}: supportTopics, wantsMotherMentor, supportNotes</li>
 * <li>{@code MENTORING}: designation, specialization, maxMentees, acceptingNewMentees, supportsNewMothers</li>
 * <li>{@code AVAILABILITY}: zone, slots</li>
 * </ul>
 */
public record OnboardingAnswers(String title, String phone, String bio, String preferredCommunication,
		String goalsText, List<String> interests, List<String> supportTopics, Boolean wantsMotherMentor,
		String supportNotes, String designation, String specialization, Integer maxMentees,
		Boolean acceptingNewMentees, Boolean supportsNewMothers, String zone, List<AvailabilitySlotInput> slots) {

	/** No answers (for steps with nothing to enter, and for skipping). */
	public static OnboardingAnswers none() {
		return new OnboardingAnswers(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

}
