package org.mentorhub.mentorship.matching;

/** The factors of a match score, each normalised to 0..100 and multiplied by its weight. */
public enum Factor {

	/** Skills and interests the mentee and the mentor share. */
	SHARED_SKILLS_AND_INTERESTS,

	/** Overlap of their weekly availability (UTC). */
	AVAILABILITY_OVERLAP,

	/** Both in the same department. */
	SAME_DEPARTMENT,

	/** Words of the mentee's goals found in the mentor's expertise. */
	GOALS_AND_EXPERTISE,

	/** The mentor supports new mothers (counts only for a mentee who is a new mother). */
	SUPPORTS_NEW_MOTHERS,

	/** The share of the mentor's capacity still free. */
	REMAINING_CAPACITY

}
