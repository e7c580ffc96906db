package org.mentorhub.session;

/**
 * The feedback form: a rating from 1 to 5 (text, so that a wrong value reaches the service's check
 * and its message), comments, the type and the visibility.
 */
record SessionFeedbackForm(String rating, String comments, String type, String visibility) {

	SessionFeedbackInput input() {
		return new SessionFeedbackInput(parseRating(this.rating), this.comments, this.type, this.visibility);
	}

	/** Blank is no rating; anything but a whole number is out of range (-1), so the service refuses it. */
	private static Integer parseRating(String rating) {
		if (rating == null || rating.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(rating.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
