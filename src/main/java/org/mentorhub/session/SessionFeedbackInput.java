package org.mentorhub.session;

/**
 * Feedback as a participant sends it.
 *
 * @param rating 1 to 5
 * @param type MENTEE_TO_MENTOR (the mentee), MENTOR_TO_MENTEE (the mentor) or SESSION (either); default: the
 * giver's direction
 * @param visibility SHARED (default: the other participant, once revealed) or COORDINATORS (only the
 * department's coordinators and the institution's administrators)
 */
public record SessionFeedbackInput(Integer rating, String comments, String type, String visibility) {
}
