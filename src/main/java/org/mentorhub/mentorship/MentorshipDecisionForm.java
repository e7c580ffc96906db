package org.mentorhub.mentorship;

/**
 * The fields the mentorship page's action forms post ({@code POST /mentorships/{id}/<action>}): the
 * {@code version} the page showed, a {@code reason} (required to decline, reject, pause, end and
 * re-match; a note when approving), and for a re-match the new {@code mentorId} and {@code goal}.
 * Each action reads only its own fields.
 */
record MentorshipDecisionForm(Long version, String reason, String mentorId, String goal) {
}
