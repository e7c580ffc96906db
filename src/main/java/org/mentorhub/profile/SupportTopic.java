package org.mentorhub.profile;

/** What a new mother wants support with (seed 000's working-mother support). */
public enum SupportTopic {

	/** Planning the return to work after leave. */
	RETURN_TO_WORK,
	/** Flexible hours, part time, working from home. */
	FLEXIBLE_WORK,
	/** Childcare and its logistics. */
	CHILDCARE,
	/** A colleague covering her duties during leave (a proxy). */
	LEAVE_COVER,
	/** Support groups of other working parents. */
	PEER_GROUPS,
	/** Wellbeing and mental health. */
	WELLBEING,
	/** Keeping her career growing. */
	CAREER_GROWTH

}
