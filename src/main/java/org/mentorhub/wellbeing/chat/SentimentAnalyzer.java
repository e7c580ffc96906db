package org.mentorhub.wellbeing.chat;

/**
 * Scores the mood of a text from -1 (most negative) to 1 (most positive), offline. Used only for the
 * writer's own mood trend, never for triage nor shown to anybody else (docs/support-chat.md).
 */
interface SentimentAnalyzer {

	/** The compound score of the text, in [-1, 1]; 0 for a neutral or empty text. */
	double score(String text);

	/** The label of a score, with VADER's thresholds. */
	static String label(double score) {
		if (score >= 0.05) {
			return "POSITIVE";
		}
		return score <= -0.05 ? "NEGATIVE" : "NEUTRAL";
	}

}
