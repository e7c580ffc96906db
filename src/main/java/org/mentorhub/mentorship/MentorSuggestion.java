package org.mentorhub.mentorship;

import java.util.List;

import org.mentorhub.mentorship.matching.Factor;

/**
 * One suggested mentor: the score, its breakdown by factor, the facts behind it (with names) and
 * the explanation built from them with the message bundle, for example: 3 shared skills: Java,
 * leadership, public speaking; 6 h of overlapping availability; same department.
 *
 * @param percent the score as a share of the highest score the institution's weights can give
 * @param overlapMinutes overlapping weekly availability in minutes
 */
public record MentorSuggestion(int rank, long mentorId, String fullName, String departmentName, int score,
		int maxScore, int percent, List<FactorPoints> factors, List<String> sharedSkills,
		List<String> sharedInterests, int overlapMinutes, boolean sameDepartment, List<String> goalWords,
		boolean supportsNewMothers, int freePlaces, int capacity, String explanation) {

	/** One factor: its weight (0..100), its value (0..100) and the points it adds (weight × value). */
	public record FactorPoints(Factor factor, int weight, int value, int points) {
	}

}
