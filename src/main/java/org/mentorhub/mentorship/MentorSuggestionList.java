package org.mentorhub.mentorship;

import java.util.List;

/**
 * The best mentors for one mentee, best first (at most {@link MentorSuggestions#LIMIT}).
 *
 * @param hasAvailability whether the mentee has set any weekly availability (without it no mentor
 *        can overlap, so there is nothing to suggest)
 * @param mentorsConsidered the institution's mentors who take mentees and have a free place
 */
public record MentorSuggestionList(long menteeId, String menteeName, boolean hasAvailability, int mentorsConsidered,
		int maxScore, List<MentorSuggestion> suggestions) {
}
