package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mentorhub.mentorship.matching.Factor;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;

/**
 * The six weights as the page and the API receive them (text or possibly missing numbers), checked
 * field by field: every problem is reported beside its field, and nothing is saved unless all six
 * are whole numbers from 0 to 100.
 */
final class MatchingWeightsForm {

	/** The field name of each factor, as in {@link MatchWeights}. */
	static final Map<Factor, String> FIELDS = fields();

	private MatchingWeightsForm() {
	}

	private static Map<Factor, String> fields() {
		Map<Factor, String> fields = new LinkedHashMap<>();
		fields.put(Factor.SHARED_SKILLS_AND_INTERESTS, "sharedSkillsAndInterests");
		fields.put(Factor.AVAILABILITY_OVERLAP, "availabilityOverlap");
		fields.put(Factor.SAME_DEPARTMENT, "sameDepartment");
		fields.put(Factor.GOALS_AND_EXPERTISE, "goalsAndExpertise");
		fields.put(Factor.SUPPORTS_NEW_MOTHERS, "supportsNewMothers");
		fields.put(Factor.REMAINING_CAPACITY, "remainingCapacity");
		return fields;
	}

	/** One row of the form. */
	record Field(String name, Factor factor, String value, int defaultValue) {
	}

	/** The rows of the form with the given values (field name → text). */
	static List<Field> rows(Function<String, String> value) {
		List<Field> rows = new ArrayList<>();
		FIELDS.forEach((factor, name) -> rows.add(new Field(name, factor, value.apply(name),
				MatchWeights.DEFAULTS.weight(factor))));
		return rows;
	}

	/** The rows showing stored weights. */
	static List<Field> rows(MatchWeights weights) {
		Map<String, String> values = new LinkedHashMap<>();
		FIELDS.forEach((factor, name) -> values.put(name, String.valueOf(weights.weight(factor))));
		return rows(values::get);
	}

	/** Parses the six texts (field name → text); 400 with every field's problem. */
	static MatchWeights parse(Function<String, String> text, String message) {
		Map<Factor, Integer> values = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		FIELDS.forEach((factor, name) -> {
			String raw = text.apply(name);
			try {
				int v = Integer.parseInt(raw == null ? "" : raw.strip());
				if (v < 0 || v > MatchWeights.MAX_WEIGHT) {
					problems.add(new FieldProblem(name, message));
				}
				values.put(factor, v);
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(name, message));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return of(values);
	}

	/** The weights of whole numbers that may be missing (API); 400 with every field's problem. */
	static MatchWeights of(Map<Factor, Integer> values, String message) {
		List<FieldProblem> problems = new ArrayList<>();
		FIELDS.forEach((factor, name) -> {
			Integer v = values.get(factor);
			if (v == null || v < 0 || v > MatchWeights.MAX_WEIGHT) {
				problems.add(new FieldProblem(name, message));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return of(values);
	}

	private static MatchWeights of(Map<Factor, Integer> v) {
		return new MatchWeights(v.get(Factor.SHARED_SKILLS_AND_INTERESTS), v.get(Factor.AVAILABILITY_OVERLAP),
				v.get(Factor.SAME_DEPARTMENT), v.get(Factor.GOALS_AND_EXPERTISE), v.get(Factor.SUPPORTS_NEW_MOTHERS),
				v.get(Factor.REMAINING_CAPACITY));
	}

}
