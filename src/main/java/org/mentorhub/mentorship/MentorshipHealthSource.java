package org.mentorhub.mentorship;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The service provider interface of the health column and section of the mentorship pages: the module
 * that computes the relationship health of a mentorship (the alert module) implements it as a bean, so
 * that this module shows health without depending on that module. No bean, no health shown. The pages
 * ask only about mentorships the caller may already see.
 */
public interface MentorshipHealthSource {

	/** The stored health of each of these mentorships that has one (active ones), in one batch lookup. */
	Map<Long, MentorshipHealth> healthOf(Collection<Long> mentorshipIds);

	/**
	 * One mentorship's health.
	 * @param health {@code HEALTHY}, {@code AT_RISK} or {@code STALLED}
	 * @param reasons why, in words
	 * @param computedAt when the job computed it
	 */
	record MentorshipHealth(String health, List<String> reasons, Instant computedAt) {
	}

}
