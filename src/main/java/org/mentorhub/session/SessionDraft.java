package org.mentorhub.session;

/**
 * What a person types to make a session or a draft: the start is a local date and time
 * ({@code 2030-05-14T10:30}) in {@code zone} (an IANA id; blank for the account's zone), or an
 * instant with an offset ({@code 2030-05-14T08:30:00Z}). {@link Sessions} validates it.
 */
public record SessionDraft(String title, String description, String agenda, String start, String zone,
		Integer durationMinutes, String mode, String location, String meetingLink) {
}
