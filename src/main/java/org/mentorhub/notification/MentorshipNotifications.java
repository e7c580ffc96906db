package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.mentorship.AssignmentDraftCommitted;
import org.mentorhub.mentorship.MentorshipAccepted;
import org.mentorhub.mentorship.MentorshipApproved;
import org.mentorhub.mentorship.MentorshipEnded;
import org.mentorhub.mentorship.MentorshipExpired;
import org.mentorhub.mentorship.MentorshipPaused;
import org.mentorhub.mentorship.MentorshipProposed;
import org.mentorhub.mentorship.MentorshipRejected;
import org.mentorhub.mentorship.MentorshipRequested;
import org.mentorhub.mentorship.MentorshipResumed;
import org.mentorhub.mentorship.MentorshipWithdrawn;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mentorship life cycle as notifications: who is told of each transition, and what. The person who
 * made a change is not told of it; a change made by staff or by the system reaches both of the pair.
 * An activation is told as its approval ({@link MentorshipApproved}, published with it). Names come
 * from identity's {@link People} in one batch per event; a reason written by a person is never copied.
 */
@Component
class MentorshipNotifications {

	private final Inbox inbox;

	private final People people;

	MentorshipNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(MentorshipRequested event) {
		Map<Long, String> names = this.people.names(List.of(event.menteeId()));
		this.inbox.deliver(List.of(Notice.of(event.mentorId(), NotificationType.MENTORSHIP_REQUESTED,
				link(event.mentorshipId()), payload(event.mentorshipId()), name(names, event.menteeId()),
				event.responseDays())));
	}

	@ApplicationModuleListener
	void on(MentorshipProposed event) {
		pair(NotificationType.MENTORSHIP_PROPOSED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.actorId());
	}

	@ApplicationModuleListener
	void on(MentorshipAccepted event) {
		Map<Long, String> names = this.people.names(List.of(event.mentorId()));
		this.inbox.deliver(List.of(Notice.of(event.menteeId(), NotificationType.MENTORSHIP_ACCEPTED,
				link(event.mentorshipId()), payload(event.mentorshipId()), name(names, event.mentorId()))));
	}

	@ApplicationModuleListener
	void on(MentorshipApproved event) {
		pair(NotificationType.MENTORSHIP_APPROVED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.actorId());
	}

	@ApplicationModuleListener
	void on(MentorshipRejected event) {
		if (event.rank() == null) {
			pair(NotificationType.MENTORSHIP_REJECTED, event.mentorshipId(), event.mentorId(), event.menteeId(),
					event.actorId());
			return;
		}
		tellMentee(NotificationType.MENTORSHIP_DECLINED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.nextMentorId());
	}

	@ApplicationModuleListener
	void on(MentorshipExpired event) {
		tellMentee(NotificationType.MENTORSHIP_EXPIRED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.nextMentorId());
	}

	@ApplicationModuleListener
	void on(MentorshipWithdrawn event) {
		Map<Long, String> names = this.people.names(List.of(event.menteeId()));
		this.inbox.deliver(List.of(Notice.of(event.mentorId(), NotificationType.MENTORSHIP_WITHDRAWN,
				link(event.mentorshipId()), payload(event.mentorshipId()), name(names, event.menteeId()))));
	}

	@ApplicationModuleListener
	void on(MentorshipPaused event) {
		pair(NotificationType.MENTORSHIP_PAUSED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.actorId());
	}

	@ApplicationModuleListener
	void on(MentorshipResumed event) {
		pair(NotificationType.MENTORSHIP_RESUMED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.actorId());
	}

	@ApplicationModuleListener
	void on(MentorshipEnded event) {
		pair(NotificationType.MENTORSHIP_ENDED, event.mentorshipId(), event.mentorId(), event.menteeId(),
				event.actorId());
	}

	/** The person who committed a bulk assignment; each pair hears of its own mentorship. */
	@ApplicationModuleListener
	void on(AssignmentDraftCommitted event) {
		this.inbox.deliver(List.of(Notice.of(event.committedBy(), NotificationType.ASSIGNMENT_COMMITTED,
				"/mentorships/bulk/" + event.draftId(), Inbox.ids("draftId", event.draftId()), event.pairs())));
	}

	/** The mentee's choice was declined or ran out of time, and who is asked next (if anybody). */
	private void tellMentee(NotificationType type, long mentorshipId, long mentorId, long menteeId, Long nextMentorId) {
		List<Long> mentors = new ArrayList<>(List.of(mentorId));
		if (nextMentorId != null) {
			mentors.add(nextMentorId);
		}
		Map<Long, String> names = this.people.names(mentors);
		DefaultMessageSourceResolvable next = nextMentorId == null
				? new DefaultMessageSourceResolvable("notification.mentorship.noNextChoice")
				: new DefaultMessageSourceResolvable(new String[] { "notification.mentorship.nextChoice" },
						new Object[] { name(names, nextMentorId) });
		this.inbox.deliver(List.of(Notice.of(menteeId, type, link(mentorshipId), payload(mentorshipId),
				name(names, mentorId), next)));
	}

	/** Both of the pair but the one who acted, each with the other's name. */
	private void pair(NotificationType type, long mentorshipId, long mentorId, long menteeId, Long actorId) {
		Map<Long, String> names = this.people.names(List.of(mentorId, menteeId));
		List<Notice> notices = new ArrayList<>();
		if (actorId == null || actorId != mentorId) {
			notices.add(Notice.of(mentorId, type, link(mentorshipId), payload(mentorshipId), name(names, menteeId)));
		}
		if (actorId == null || actorId != menteeId) {
			notices.add(Notice.of(menteeId, type, link(mentorshipId), payload(mentorshipId), name(names, mentorId)));
		}
		this.inbox.deliver(notices);
	}

	static String name(Map<Long, String> names, long id) {
		return names.getOrDefault(id, "—");
	}

	private static String link(long mentorshipId) {
		return "/mentorships/" + mentorshipId;
	}

	private static Map<String, Object> payload(long mentorshipId) {
		return Inbox.ids("mentorshipId", mentorshipId);
	}

}
