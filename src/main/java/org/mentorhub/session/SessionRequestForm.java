package org.mentorhub.session;

/**
 * The new-session form: the mentorship, the session's details, and {@code draft} when the creator
 * keeps it as a draft ("Save as draft") instead of sending it.
 */
record SessionRequestForm(Long mentorshipId, String title, String description, String agenda, String start,
		String zone, Integer durationMinutes, String mode, String location, String meetingLink, String draft) {

	SessionDraft details() {
		return new SessionDraft(this.title, this.description, this.agenda, this.start, this.zone, this.durationMinutes,
				this.mode, this.location, this.meetingLink);
	}

	boolean asDraft() {
		return this.draft != null;
	}

}
