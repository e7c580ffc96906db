package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The score model, pair by pair: hard limits first, then the weighted sum of normalised factors.
 * {@link MatchingIndex} computes the same numbers from precomputed bit sets for thousands of
 * mentors at once; this class is the readable definition and gives the breakdowns.
 */
public final class MatchScorer {

	/** Shared skills and interests that count as a full match (fewer if the mentee has fewer). */
	static final int TAG_SATURATION = 5;

	/** Half-hour slots of overlap that count as a full match: 4 h a week (fewer if the mentee has fewer). */
	static final int AVAILABILITY_SATURATION = 8;

	/** Goal words found in the expertise that count as a full match. */
	static final int GOAL_SATURATION = 3;

	private final MatchWeights weights;

	public MatchScorer(MatchWeights weights) {
		this.weights = Objects.requireNonNull(weights);
	}

	public MatchWeights weights() {
		return this.weights;
	}

	/** The hard limit that excludes the pair, if any, in the order of {@link Exclusion}. */
	public static Optional<Exclusion> exclusion(MenteeCandidate mentee, MentorCandidate mentor) {
		if (mentee.id() == mentor.id()) {
			return Optional.of(Exclusion.SAME_PERSON);
		}
		if (mentee.institutionId() != mentor.institutionId()) {
			return Optional.of(Exclusion.OTHER_INSTITUTION);
		}
		if (!mentor.accepting()) {
			return Optional.of(Exclusion.NOT_ACCEPTING);
		}
		if (mentor.remainingCapacity() == 0) {
			return Optional.of(Exclusion.NO_CAPACITY);
		}
		if (mentee.availability().overlap(mentor.availability()) == 0) {
			return Optional.of(Exclusion.NO_AVAILABILITY_OVERLAP);
		}
		return Optional.empty();
	}

	/** The score of the pair, whether or not a hard limit excludes it (check {@link #exclusion} first). */
	public ScoreBreakdown score(MenteeCandidate mentee, MentorCandidate mentor) {
		int[] sharedSkills = Ids.intersection(mentee.skills(), mentor.skills());
		int[] sharedInterests = Ids.intersection(mentee.interests(), mentor.interests());
		int overlap = mentee.availability().overlap(mentor.availability());
		boolean sameDepartment = mentee.departmentId() != null && mentee.departmentId().equals(mentor.departmentId());
		int[] sharedWords = Ids.intersection(mentee.goalTokens(), mentor.expertiseTokens());
		boolean newMother = mentee.newMother() && mentor.supportsNewMothers();
		int remaining = mentor.remainingCapacity();

		List<FactorScore> factors = new ArrayList<>();
		factors.add(factor(Factor.SHARED_SKILLS_AND_INTERESTS,
				tagValue(sharedSkills.length + sharedInterests.length, mentee.skills().length + mentee.interests().length)));
		factors.add(factor(Factor.AVAILABILITY_OVERLAP, availabilityValue(overlap, mentee.availability().count())));
		factors.add(factor(Factor.SAME_DEPARTMENT, sameDepartment ? 100 : 0));
		factors.add(factor(Factor.GOALS_AND_EXPERTISE, goalValue(sharedWords.length, mentee.goalTokens().length)));
		factors.add(factor(Factor.SUPPORTS_NEW_MOTHERS, newMother ? 100 : 0));
		factors.add(factor(Factor.REMAINING_CAPACITY, capacityValue(remaining, mentor.capacity())));
		int total = factors.stream().mapToInt(FactorScore::points).sum();
		return new ScoreBreakdown(mentee.id(), mentor.id(), total, factors, sharedSkills, sharedInterests, overlap,
				sameDepartment, sharedWords, newMother, remaining, mentor.capacity());
	}

	private FactorScore factor(Factor factor, int value) {
		int weight = this.weights.weight(factor);
		return new FactorScore(factor, weight, value, weight * value);
	}

	static int tagValue(int shared, int menteeTags) {
		return saturated(shared, Math.min(menteeTags, TAG_SATURATION));
	}

	static int availabilityValue(int overlapSlots, int menteeSlots) {
		return saturated(overlapSlots, Math.min(menteeSlots, AVAILABILITY_SATURATION));
	}

	static int goalValue(int shared, int menteeWords) {
		return saturated(shared, Math.min(menteeWords, GOAL_SATURATION));
	}

	static int capacityValue(int remaining, int capacity) {
		return capacity == 0 ? 0 : 100 * remaining / capacity;
	}

	private static int saturated(int count, int full) {
		return full == 0 ? 0 : Math.min(100, 100 * count / full);
	}

}
