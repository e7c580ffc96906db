package org.mentorhub.mentorship;

/** The proposal form: an administrator's or coordinator's choice of mentor for a mentee, with a goal and notes. */
record MentorshipProposalForm(String menteeId, String mentorId, String goal, String notes) {
}
