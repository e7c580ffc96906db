package org.mentorhub.session;

/**
 * A mentor's rating by their mentees. The average is shown only from {@link SessionFeedbacks#MIN_RESPONSES}
 * responses on, so that no single mentee's rating can be read from it.
 *
 * @param responses how many mentee-to-mentor ratings there are
 * @param average the mean rating, or null below the minimum
 */
public record SessionFeedbackSummary(long mentorId, String mentorName, int responses, Double average,
		int minimumResponses) {

	/** Whether there are enough responses to show the average. */
	public boolean enough() {
		return this.average != null;
	}

}
