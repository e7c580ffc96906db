package org.mentorhub.goal;

import java.time.LocalDate;

/**
 * A new goal as a page or the API sends it.
 * @param studentId whose goal it is; null for the caller's own
 * @param category a {@link GoalCategory} name; null for OTHER
 * @param targetDate not before today (the caller's zone); may be null
 * @param status a {@link GoalStatus} name; null for NOT_STARTED (IN_PROGRESS when progress is above 0)
 * @param progressPct 0 to 100; null for 0
 * @param mentorshipId an active mentorship of the student, if the goal belongs to one
 */
public record GoalInput(Long studentId, String title, String category, String description, LocalDate targetDate,
		String status, Integer progressPct, Long mentorshipId) {
}
