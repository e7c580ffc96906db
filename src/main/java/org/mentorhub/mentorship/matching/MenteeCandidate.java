package org.mentorhub.mentorship.matching;

import java.util.Arrays;

/**
 * What matching knows of a mentee. Skills, interests and goal tokens are ids (tags of the
 * institution; goal tokens from a {@link Vocabulary}); the arrays are copied, sorted and
 * de-duplicated. {@code departmentId} may be null.
 */
public record MenteeCandidate(long id, long institutionId, Long departmentId, int[] skills, int[] interests,
		WeekSlots availability, int[] goalTokens, boolean newMother) {

	public MenteeCandidate {
		skills = Ids.sortedDistinct(skills);
		interests = Ids.sortedDistinct(interests);
		goalTokens = Ids.sortedDistinct(goalTokens);
		availability = availability == null ? WeekSlots.EMPTY : availability;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MenteeCandidate o && this.id == o.id && this.institutionId == o.institutionId
				&& java.util.Objects.equals(this.departmentId, o.departmentId) && Arrays.equals(this.skills, o.skills)
				&& Arrays.equals(this.interests, o.interests) && this.availability.equals(o.availability)
				&& Arrays.equals(this.goalTokens, o.goalTokens) && this.newMother == o.newMother;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "MenteeCandidate[id=" + this.id + "]";
	}

}
