package org.mentorhub.goal;

import java.time.Instant;
import java.util.List;

/**
 * A goal was created, by its owner or for them by a mentor or staff. Carries who should hear of it,
 * never the description.
 * @param goalId the goal
 * @param studentId its owner (the mentee or student)
 * @param mentorIds the owner's active mentors when it was created
 * @param title the goal's title
 * @param actorId who created it
 * @param occurredAt when
 */
public record GoalCreated(long goalId, long studentId, List<Long> mentorIds, String title, long actorId,
		Instant occurredAt) {

	public GoalCreated {
		mentorIds = List.copyOf(mentorIds);
	}

}
