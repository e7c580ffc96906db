package org.mentorhub.goal;

import java.time.Instant;

/**
 * A goal was deleted with its history (for the modules that keep things of a goal, such as its files).
 * @param goalId the goal
 * @param studentId its owner
 * @param actorId who deleted it
 * @param occurredAt when
 */
public record GoalDeleted(long goalId, long studentId, long actorId, Instant occurredAt) {
}
