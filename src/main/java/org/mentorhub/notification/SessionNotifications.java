package org.mentorhub.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionCancelled;
import org.mentorhub.session.SessionCompleted;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionLifecycleEvent;
import org.mentorhub.session.SessionProposed;
import org.mentorhub.session.SessionRejected;
import org.mentorhub.session.SessionRequested;
import org.mentorhub.session.SessionRescheduleDeclined;
import org.mentorhub.session.SessionRescheduleProposed;
import org.mentorhub.session.SessionRescheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The session life cycle as notifications, from the {@link SessionLifecycleEvent}s, which carry the
 * session as it is after the change (who, when, the title), never its description, agenda, notes or
 * record. The participant who made the change is not told of it; a change made by the system
 * reaches both. Times are shown in each person's zone.
 */
@Component
class SessionNotifications {

	private final Inbox inbox;

	private final People people;

	SessionNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(SessionLifecycleEvent event) {
		ScheduledSession s = event.session();
		if (event instanceof SessionRequested) {
			tell(s, NotificationType.SESSION_REQUESTED, event.actorId(), s.start());
		}
		else if (event instanceof SessionProposed) {
			tell(s, NotificationType.SESSION_PROPOSED, event.actorId(), s.start());
		}
		else if (event instanceof SessionConfirmed) {
			tell(s, NotificationType.SESSION_CONFIRMED, event.actorId(), s.start());
		}
		else if (event instanceof SessionRejected) {
			tell(s, NotificationType.SESSION_DECLINED, event.actorId(), s.start());
		}
		else if (event instanceof SessionRescheduleProposed proposed) {
			tell(s, NotificationType.SESSION_NEW_TIME_PROPOSED, event.actorId(), proposed.proposedStart());
		}
		else if (event instanceof SessionRescheduled) {
			tell(s, NotificationType.SESSION_NEW_TIME_ACCEPTED, event.actorId(), s.start());
		}
		else if (event instanceof SessionRescheduleDeclined) {
			tell(s, NotificationType.SESSION_NEW_TIME_DECLINED, event.actorId(), s.start());
		}
		else if (event instanceof SessionCancelled) {
			tell(s, NotificationType.SESSION_CANCELLED, event.actorId(), s.start());
		}
		else if (event instanceof SessionCompleted) {
			tell(s, NotificationType.SESSION_COMPLETED, event.actorId(), s.start());
		}
	}

	/** Both participants but the one who acted: the other's name, the title and the time. */
	private void tell(ScheduledSession s, NotificationType type, Long actorId, Instant when) {
		Map<Long, String> names = this.people.names(List.of(s.mentorId(), s.menteeId()));
		Map<String, Object> payload = Inbox.ids("sessionId", s.sessionId(), "mentorshipId", s.mentorshipId());
		String link = "/sessions/" + s.sessionId();
		List<Notice> notices = new ArrayList<>();
		if (actorId == null || actorId != s.mentorId()) {
			notices.add(Notice.of(s.mentorId(), type, link, payload, MentorshipNotifications.name(names, s.menteeId()),
					s.title(), when));
		}
		if (actorId == null || actorId != s.menteeId()) {
			notices.add(Notice.of(s.menteeId(), type, link, payload, MentorshipNotifications.name(names, s.mentorId()),
					s.title(), when));
		}
		this.inbox.deliver(notices);
	}

}
