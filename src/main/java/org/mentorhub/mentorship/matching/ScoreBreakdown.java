package org.mentorhub.mentorship.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A mentee–mentor score with its factors and the facts behind them, so a page can say why: 3
 * shared skills: Java, leadership, public speaking; 6 h of overlapping availability; same
 * department. Tag and word ids are the caller's; {@link #explain} turns them into names.
 *
 * @param overlapSlots half-hour slots of overlapping weekly availability
 */
public record ScoreBreakdown(long menteeId, long mentorId, int total, List<FactorScore> factors, int[] sharedSkills,
		int[] sharedInterests, int overlapSlots, boolean sameDepartment, int[] sharedGoalWords,
		boolean supportsNewMother, int remainingCapacity, int capacity) {

	public ScoreBreakdown {
		factors = List.copyOf(factors);
	}

	/** Overlapping availability in minutes per week. */
	public int overlapMinutes() {
		return this.overlapSlots * WeekSlots.SLOT_MINUTES;
	}

	/** The points of one factor. */
	public int points(Factor factor) {
		return this.factors.stream().filter(f -> f.factor() == factor).mapToInt(FactorScore::points).sum();
	}

	/**
	 * An English explanation, factors that add nothing left out. Pages use their message bundle with
	 * the same facts instead.
	 */
	public String explain(IntFunction<String> skillName, IntFunction<String> interestName, IntFunction<String> word) {
		List<String> parts = new ArrayList<>();
		if (this.sharedSkills.length > 0) {
			parts.add(count(this.sharedSkills.length, "shared skill") + ": " + names(this.sharedSkills, skillName));
		}
		if (this.sharedInterests.length > 0) {
			parts.add(count(this.sharedInterests.length, "shared interest") + ": "
					+ names(this.sharedInterests, interestName));
		}
		if (this.overlapSlots > 0) {
			int minutes = overlapMinutes();
			parts.add((minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(minutes / 60.0))
					+ " h of overlapping availability");
		}
		if (this.sameDepartment) {
			parts.add("same department");
		}
		if (this.sharedGoalWords.length > 0) {
			parts.add("goals match expertise: " + names(this.sharedGoalWords, word));
		}
		if (this.supportsNewMother) {
			parts.add("supports new mothers");
		}
		parts.add(this.remainingCapacity + " of " + this.capacity + " places free");
		return String.join("; ", parts);
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	private static String names(int[] ids, IntFunction<String> name) {
		List<String> names = new ArrayList<>();
		for (int id : ids) {
			names.add(name.apply(id));
		}
		return String.join(", ", names);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ScoreBreakdown o && this.menteeId == o.menteeId && this.mentorId == o.mentorId
				&& this.total == o.total && this.factors.equals(o.factors);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.menteeId * 31 + this.mentorId) * 31 + this.total;
	}

	@Override
	public String toString() {
		return "ScoreBreakdown[mentee=" + this.menteeId + ", mentor=" + this.mentorId + ", total=" + this.total + ", "
				+ this.factors + "]";
	}

}
