package org.mentorhub.profile;

/** Who may see a general profile: the institution, the people in a mentorship with its owner, or nobody else. */
public enum ProfileVisibility {
	INSTITUTION, MENTORSHIPS, PRIVATE
}
