package org.mentorhub.mentorship.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each mentee's top-K mentors after the hard limits, best first, and the capacity each mentor has
 * left for this run (after pins). The optimiser and the greedy baseline solve the same set.
 */
public final class CandidateSet {

	private final MatchingIndex index;

	private final List<MenteeCandidate> mentees;

	private final int k;

	private final int[] hot;

	private final int[] score;

	private final int[] count;

	private final int[] capacityLeft;

	private final Map<Long, Set<Long>> removals;

	CandidateSet(MatchingIndex index, List<MenteeCandidate> mentees, int k, int[] hot, int[] score, int[] count,
			int[] capacityLeft, Map<Long, Set<Long>> removals) {
		this.index = index;
		this.mentees = mentees;
		this.k = k;
		this.hot = hot;
		this.score = score;
		this.count = count;
		this.capacityLeft = capacityLeft;
		this.removals = removals;
	}

	MatchingIndex index() {
		return this.index;
	}

	/** The mentees of the pool (pinned mentees are not in it). */
	public List<MenteeCandidate> mentees() {
		return this.mentees;
	}

	public int menteeCount() {
		return this.mentees.size();
	}

	/** How many candidates the mentee at this position has. */
	public int candidateCount(int mentee) {
		return this.count[mentee];
	}

	/** The id of a candidate mentor. */
	public long mentorId(int mentee, int rank) {
		return this.index.hotProfile(hotIndex(mentee, rank)).id();
	}

	/** The score of a candidate. */
	public int score(int mentee, int rank) {
		check(mentee, rank);
		return this.score[mentee * this.k + rank];
	}

	/** The capacity a mentor has left for this run (0 for a mentor no mentee can have). */
	public int capacityLeft(long mentorId) {
		int h = this.index.hotIndex(mentorId);
		return h < 0 ? 0 : this.capacityLeft[h];
	}

	int hotIndex(int mentee, int rank) {
		check(mentee, rank);
		return this.hot[mentee * this.k + rank];
	}

	int hotCapacityLeft(int h) {
		return this.capacityLeft[h];
	}

	int hotCount() {
		return this.index.hotCount();
	}

	int k() {
		return this.k;
	}

	/** The total number of candidate pairs. */
	public long pairCount() {
		long sum = 0;
		for (int c : this.count) {
			sum += c;
		}
		return sum;
	}

	Map<Long, Set<Long>> removals() {
		return this.removals;
	}

	int[] capacityLeftArray() {
		return this.capacityLeft;
	}

	private void check(int mentee, int rank) {
		if (rank < 0 || rank >= this.count[mentee]) {
			throw new IndexOutOfBoundsException("rank " + rank + " of " + this.count[mentee]);
		}
	}

}
