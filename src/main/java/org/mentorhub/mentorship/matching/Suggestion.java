package org.mentorhub.mentorship.matching;

/** A suggested mentor with the score's breakdown. */
public record Suggestion(MentorCandidate mentor, ScoreBreakdown breakdown) {

	public int score() {
		return this.breakdown.total();
	}

}
