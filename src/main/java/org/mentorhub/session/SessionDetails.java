package org.mentorhub.session;

import java.time.Instant;
import java.time.ZoneId;

/** A validated {@link SessionDraft}: the start as a UTC instant and the zone it was chosen in. */
record SessionDetails(String title, String description, String agenda, Instant start, ZoneId zone,
		int durationMinutes, SessionMode mode, String location, String meetingLink) {
}
