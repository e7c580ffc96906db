package org.mentorhub.profile;

/** The mentor part of a profile; null booleans and capacity stay as they are. */
public record MentorChanges(String designation, String specialization, String mentorshipStyle, Integer maxMentees,
		Boolean acceptingNewMentees, Boolean supportsNewMothers) {
}
