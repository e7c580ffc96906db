package org.mentorhub.platform.privacy;

/**
 * The retention periods in force (an administrator's setting, or the rule's default), for a module that
 * tells people how long it keeps their data (the support chat says "deleted after 30 days"). The privacy
 * module implements it.
 */
public interface RetentionPeriods {

	/** The days the rule keeps data, or null for ever; the given default when the rule is unknown. */
	Integer days(String key, Integer defaultDays);

}
