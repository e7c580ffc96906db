package org.mentorhub.goal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A goal as the people who may see it see it.
 * @param mentorshipId the mentorship it belongs to, if any
 * @param targetDate the day it should be reached by, if any
 * @param progressPct 0 to 100: always that of its latest update
 * @param status always that of its latest update
 * @param completedAt when it was completed (null unless COMPLETED)
 * @param version the version to send back with an update or an edit (optimistic locking)
 * @param mine whether the reader owns it
 */
public record GoalView(long id, long studentId, String studentName, Long mentorshipId, String title,
		GoalCategory category, String description, LocalDate targetDate, GoalStatus status, int progressPct,
		Long createdById, Instant completedAt, Instant createdAt, Instant updatedAt, long version, boolean mine) {

	/** Whether it is not completed yet. */
	public boolean open() {
		return this.status != GoalStatus.COMPLETED;
	}

	/** Whether its target date is before {@code today} and it is not completed. */
	public boolean overdueOn(LocalDate today) {
		return open() && this.targetDate != null && this.targetDate.isBefore(today);
	}

}
