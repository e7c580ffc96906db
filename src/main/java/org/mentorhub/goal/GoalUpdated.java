package org.mentorhub.goal;

import java.time.Instant;
import java.util.List;

/**
 * Somebody posted a progress update on a goal. Carries the new progress and status and the one
 * before, never the update's note.
 * @param goalId the goal
 * @param studentId its owner
 * @param mentorIds the owner's active mentors at the time of the update
 * @param title the goal's title
 * @param progressPct the new progress, 0 to 100
 * @param status the new status
 * @param previousStatus the status before the update
 * @param actorId who posted it
 * @param occurredAt when
 */
public record GoalUpdated(long goalId, long studentId, List<Long> mentorIds, String title, int progressPct,
		GoalStatus status, GoalStatus previousStatus, long actorId, Instant occurredAt) {

	public GoalUpdated {
		mentorIds = List.copyOf(mentorIds);
	}

	/** Whether this update is the one that marked the goal at risk (a {@link GoalAtRisk} is published with it). */
	public boolean markedAtRisk() {
		return this.status == GoalStatus.AT_RISK && this.previousStatus != GoalStatus.AT_RISK;
	}

}
