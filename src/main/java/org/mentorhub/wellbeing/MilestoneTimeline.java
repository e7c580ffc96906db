package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.List;

/**
 * A new mother's timeline: what comes next (the next milestone, and the days until her next leave and
 * her return to work), then her upcoming milestones (soonest first) and her past ones (latest first).
 * @param today today in her time zone
 */
public record MilestoneTimeline(LocalDate today, List<Countdown> next, List<MilestoneView> upcoming,
		List<MilestoneView> past) {

	/**
	 * Days until one coming milestone.
	 * @param kind {@code NEXT} for the next milestone of any type, or the type's name (LEAVE_START, RETURN_TO_WORK)
	 */
	public record Countdown(String kind, MilestoneView milestone, long days) {
	}

}
