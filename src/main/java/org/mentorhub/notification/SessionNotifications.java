package org.mentorhub.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.calendar.SessionReminderSent;
import org.mentorhub.identity.People;
import org.mentorhub.session.ActionItemAssigned;
import org.mentorhub.session.ActionItemDue;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionCancelled;
import org.mentorhub.session.SessionCompleted;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionFeedbackRevealed;
import org.mentorhub.session.SessionLifecycleEvent;
import org.mentorhub.session.SessionProposed;
import org.mentorhub.session.SessionRejected;
import org.mentorhub.session.SessionRequested;
import org.mentorhub.session.SessionRescheduleDeclined;
import org.mentorhub.session.SessionRescheduleProposed;
import org.mentorhub.session.SessionRescheduled;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

	/** The assignee of a new action item, unless they set it themselves. */
	@ApplicationModuleListener
	void on(ActionItemAssigned event) {
		if (event.actorId() != null && event.actorId() == event.assigneeId()) {
			return;
		}
		Map<Long, String> names = this.people.names(event.actorId() == null ? List.of() : List.of(event.actorId()));
		DefaultMessageSourceResolvable due = event.dueDate() == null
				? new DefaultMessageSourceResolvable(new String[] { "notification.actionItem.noDueDate" }, null, "")
				: new DefaultMessageSourceResolvable(new String[] { "notification.actionItem.dueBy" },
						new Object[] { event.dueDate() });
		this.inbox.deliver(List.of(Notice.of(event.assigneeId(), NotificationType.ACTION_ITEM_ASSIGNED,
				"/sessions/" + event.sessionId() + "/action-items",
				Inbox.ids("actionItemId", event.actionItemId(), "sessionId", event.sessionId(), "mentorshipId",
						event.mentorshipId()),
				event.actorId() == null ? "—" : MentorshipNotifications.name(names, event.actorId()), event.title(),
				due)));
	}

	/** The assignee of an open action item that is due soon, or overdue. */
	@ApplicationModuleListener
	void on(ActionItemDue event) {
		this.inbox.deliver(List.of(Notice.of(event.assigneeId(),
				event.overdue() ? NotificationType.ACTION_ITEM_OVERDUE : NotificationType.ACTION_ITEM_DUE_SOON,
				"/sessions/" + event.sessionId() + "/action-items",
				Inbox.ids("actionItemId", event.actionItemId(), "sessionId", event.sessionId()), "", event.title(),
				event.dueDate())));
	}

	/** Feedback the recipient can read now; never its rating or comments. */
	@ApplicationModuleListener
	void on(SessionFeedbackRevealed event) {
		Map<Long, String> names = this.people.names(List.of(event.giverId()));
		this.inbox.deliver(List.of(Notice.of(event.recipientId(), NotificationType.SESSION_FEEDBACK_REVEALED,
				"/sessions/" + event.sessionId() + "/feedback",
				Inbox.ids("sessionId", event.sessionId(), "mentorshipId", event.mentorshipId()),
				MentorshipNotifications.name(names, event.giverId()))));
	}

	/** Both participants, before a confirmed session (the calendar's reminder job). */
	@ApplicationModuleListener
	void on(SessionReminderSent event) {
		Map<Long, String> names = this.people.names(List.of(event.mentorId(), event.menteeId()));
		Map<String, Object> payload = Inbox.ids("sessionId", event.sessionId());
		String link = "/sessions/" + event.sessionId();
		this.inbox.deliver(List.of(
				Notice.of(event.mentorId(), NotificationType.SESSION_REMINDER, link, payload,
						MentorshipNotifications.name(names, event.menteeId()), event.title(), event.start()),
				Notice.of(event.menteeId(), NotificationType.SESSION_REMINDER, link, payload,
						MentorshipNotifications.name(names, event.mentorId()), event.title(), event.start())));
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
