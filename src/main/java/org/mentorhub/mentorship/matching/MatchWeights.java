package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.InvalidInputException;

/**
 * An institution's weights of the score factors, each 0..100 (0 switches a factor off). A score
 * is the sum over the factors of weight × normalised value (0..100), so it lies in 0..60,000.
 */
public record MatchWeights(int sharedSkillsAndInterests, int availabilityOverlap, int sameDepartment,
		int goalsAndExpertise, int supportsNewMothers, int remainingCapacity) {

	/** The largest weight. */
	public static final int MAX_WEIGHT = 100;

	/** The defaults of a new institution. */
	public static final MatchWeights DEFAULTS = new MatchWeights(40, 25, 10, 15, 20, 10);

	public MatchWeights {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		check(problems, "sharedSkillsAndInterests", sharedSkillsAndInterests);
		check(problems, "availabilityOverlap", availabilityOverlap);
		check(problems, "sameDepartment", sameDepartment);
		check(problems, "goalsAndExpertise", goalsAndExpertise);
		check(problems, "supportsNewMothers", supportsNewMothers);
		check(problems, "remainingCapacity", remainingCapacity);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void check(List<InvalidInputException.FieldProblem> problems, String field, int weight) {
		if (weight < 0 || weight > MAX_WEIGHT) {
			problems.add(new InvalidInputException.FieldProblem(field,
					"The weight must be between 0 and " + MAX_WEIGHT + "; it was " + weight + "."));
		}
	}

	/** The weight of one factor. */
	public int weight(Factor factor) {
		return switch (factor) {
			case SHARED_SKILLS_AND_INTERESTS -> this.sharedSkillsAndInterests;
			case AVAILABILITY_OVERLAP -> this.availabilityOverlap;
			case SAME_DEPARTMENT -> this.sameDepartment;
			case GOALS_AND_EXPERTISE -> this.goalsAndExpertise;
			case SUPPORTS_NEW_MOTHERS -> this.supportsNewMothers;
			case REMAINING_CAPACITY -> this.remainingCapacity;
		};
	}

	/** The weights by factor. */
	public Map<Factor, Integer> asMap() {
		Map<Factor, Integer> map = new EnumMap<>(Factor.class);
		for (Factor factor : Factor.values()) {
			map.put(factor, weight(factor));
		}
		return map;
	}

	/** The highest score these weights can give. */
	public int maxScore() {
		int sum = 0;
		for (Factor factor : Factor.values()) {
			sum += weight(factor);
		}
		return sum * 100;
	}

}
