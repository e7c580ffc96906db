package org.mentorhub.alert;

import java.time.Instant;
import java.util.List;

/**
 * A stalled mentorship's pair is nudged, once per stall: both hear of it with a link to schedule a
 * session, and the coordinator is alerted if the pair is still stalled at {@code escalateAt}.
 */
public record MentorshipNudged(long mentorshipId, long mentorId, long menteeId, List<String> reasons,
		Instant escalateAt, Instant at) {
}
