package org.mentorhub.profile;

/**
 * Who mentors whom, as profile's visibility rules need it; the mentorship module implements it, so
 * that profile never reads mentorship data and the two modules have no cycle (profile declares what it
 * needs, mentorship provides it). Only a running (active or paused) mentorship counts.
 */
public interface MentoringRelations {

	/** Whether {@code mentor} mentors {@code mentee} in an active or paused mentorship. */
	boolean isMentorOf(long mentor, long mentee);

	/** Whether the two are mentor and mentee, either way round, of an active or paused mentorship. */
	boolean mentorAndMentee(long a, long b);

}
