package org.mentorhub.goal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A goal needs attention: an update marked it AT_RISK ({@link Reason#MARKED_AT_RISK}, with the
 * person who did), or its target date passed while it was not completed ({@link Reason#OVERDUE},
 * published once per goal and target date by the overdue job, with no actor). For the owner, the
 * mentors and the alert module.
 * @param goalId the goal
 * @param studentId its owner
 * @param mentorIds the owner's active mentors
 * @param title the goal's title
 * @param targetDate its target date, if it has one
 * @param reason why it is at risk
 * @param actorId who marked it; null for the overdue job
 * @param occurredAt when
 */
public record GoalAtRisk(long goalId, long studentId, List<Long> mentorIds, String title, LocalDate targetDate,
		Reason reason, Long actorId, Instant occurredAt) {

	/** Why a goal is at risk. */
	public enum Reason {

		/** An update set its status to AT_RISK. */
		MARKED_AT_RISK,
		/** Its target date passed and it is not completed. */
		OVERDUE

	}

	public GoalAtRisk {
		mentorIds = List.copyOf(mentorIds);
	}

}
