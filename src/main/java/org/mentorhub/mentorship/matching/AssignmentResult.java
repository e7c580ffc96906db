package org.mentorhub.mentorship.matching;

import java.util.List;
import java.util.Map;

/**
 * A draft bulk assignment: the pairs (pins included) with scores and breakdowns, the total score, and
 * the mentees left unassigned with the reason.
 */
public record AssignmentResult(Method method, List<AssignedPair> pairs, long totalScore,
		List<UnassignedMentee> unassigned, long candidateNanos, long solveNanos) {

	public AssignmentResult {
		pairs = List.copyOf(pairs);
		unassigned = List.copyOf(unassigned);
	}

	/** How the draft was made. */
	public enum Method {

		/** Exact: OR-Tools min-cost flow. */
		OPTIMAL,

		/** Baseline: best pairs first while both are free. */
		GREEDY

	}

	/** A pair of the draft. */
	public record AssignedPair(long menteeId, long mentorId, int score, boolean pinned, ScoreBreakdown breakdown) {
	}

	/** Why a mentee could not be placed. */
	public enum Reason {

		/** Every mentor is excluded by a hard limit (see the counts by exclusion). */
		NO_ELIGIBLE_MENTOR,

		/** The mentee had candidates, but their places went to other mentees. */
		ALL_CANDIDATES_FULL

	}

	/**
	 * A mentee left unassigned.
	 *
	 * @param candidates how many candidates the mentee had
	 * @param exclusions for NO_ELIGIBLE_MENTOR: how many mentors each hard limit excluded
	 */
	public record UnassignedMentee(long menteeId, Reason reason, int candidates, Map<Exclusion, Integer> exclusions) {

		public UnassignedMentee {
			exclusions = Map.copyOf(exclusions);
		}

		/** The hard limit that excluded the most mentors, for a short explanation. */
		public Exclusion mainExclusion() {
			return this.exclusions.entrySet()
				.stream()
				.max(Map.Entry.<Exclusion, Integer>comparingByValue()
					.thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
				.map(Map.Entry::getKey)
				.orElse(null);
		}

	}

	/** Mentees placed. */
	public int assignedCount() {
		return this.pairs.size();
	}

}
