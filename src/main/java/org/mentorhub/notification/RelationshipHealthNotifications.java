package org.mentorhub.notification;

import java.util.List;
import java.util.Map;

import org.mentorhub.alert.MentorshipNudged;
import org.mentorhub.identity.People;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The nudge of a stalled mentorship: the mentor and the mentee each hear of it, in the app and by e-mail
 * (MENTORSHIP_NUDGED is e-mailed at once by default), with the reasons and a one-click link to schedule a
 * session with the other. Names come from identity's {@link People} in one batch per event.
 */
@Component
class RelationshipHealthNotifications {

	private final Inbox inbox;

	private final People people;

	RelationshipHealthNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(MentorshipNudged event) {
		Map<Long, String> names = this.people.names(List.of(event.mentorId(), event.menteeId()));
		String link = "/sessions/new?mentorship=" + event.mentorshipId();
		String reasons = String.join(" ", event.reasons());
		Map<String, Object> payload = Inbox.ids("mentorshipId", event.mentorshipId());
		this.inbox.deliver(List.of(
				Notice.of(event.mentorId(), NotificationType.MENTORSHIP_NUDGED, link, payload,
						MentorshipNotifications.name(names, event.menteeId()), reasons),
				Notice.of(event.menteeId(), NotificationType.MENTORSHIP_NUDGED, link, payload,
						MentorshipNotifications.name(names, event.mentorId()), reasons)));
	}

}
