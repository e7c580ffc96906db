package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.List;

/**
 * A new mother shared a milestone with her mentors (a new shared milestone, or one she chose to share).
 * Carries the title and date, never the notes.
 * @param milestoneId the milestone
 * @param motherId whose it is
 * @param mentorIds her active mentors, who may now see it
 */
public record MilestoneShared(long milestoneId, long motherId, List<Long> mentorIds, String title, LocalDate date) {

	public MilestoneShared {
		mentorIds = List.copyOf(mentorIds);
	}

}
