package org.mentorhub.goal;

import java.time.Instant;
import java.util.List;

/**
 * A goal was deleted with its history (for the modules that keep things of a goal, such as its files).
 * @param goalId the goal
 * @param studentId its owner
 * @param actorId who deleted it
 * @param occurredAt when
 * @param updateIds the ids of its updates, deleted with it (their files go too)
 */
public record GoalDeleted(long goalId, long studentId, long actorId, Instant occurredAt, List<Long> updateIds) {

	public GoalDeleted {
		updateIds = List.copyOf(updateIds);
	}

}
