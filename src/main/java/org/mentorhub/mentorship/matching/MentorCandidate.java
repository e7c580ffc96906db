package org.mentorhub.mentorship.matching;

import java.util.Arrays;

/**
 * What matching knows of a mentor. Tags and tokens as in {@link MenteeCandidate}; {@code capacity} is
 * the most mentees at once and {@code currentMentees} how many they have now.
 */
public record MentorCandidate(long id, long institutionId, Long departmentId, int[] skills, int[] interests,
		WeekSlots availability, int[] expertiseTokens, boolean supportsNewMothers, int capacity,
		int currentMentees, boolean accepting) {

	public MentorCandidate {
		skills = Ids.sortedDistinct(skills);
		interests = Ids.sortedDistinct(interests);
		expertiseTokens = Ids.sortedDistinct(expertiseTokens);
		availability = availability == null ? WeekSlots.EMPTY : availability;
		if (capacity < 0 || currentMentees < 0) {
			throw new IllegalArgumentException("Capacity and current mentees are not negative");
		}
	}

	/** Places still free (never negative). */
	public int remainingCapacity() {
		return Math.max(0, this.capacity - this.currentMentees);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MentorCandidate o && this.id == o.id && this.institutionId == o.institutionId
				&& java.util.Objects.equals(this.departmentId, o.departmentId) && Arrays.equals(this.skills, o.skills)
				&& Arrays.equals(this.interests, o.interests) && this.availability.equals(o.availability)
				&& Arrays.equals(this.expertiseTokens, o.expertiseTokens)
				&& this.supportsNewMothers == o.supportsNewMothers && this.capacity == o.capacity
				&& this.currentMentees == o.currentMentees && this.accepting == o.accepting;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "MentorCandidate[id=" + this.id + "]";
	}

}
