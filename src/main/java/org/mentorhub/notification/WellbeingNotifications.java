package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.wellbeing.GroupJoinApproved;
import org.mentorhub.wellbeing.GroupJoinRequested;
import org.mentorhub.wellbeing.GroupPostPublished;
import org.mentorhub.wellbeing.LeaveCoverageChanged;
import org.mentorhub.wellbeing.MilestoneShared;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Working-mother support as notifications: a shared milestone reaches her active mentors (its title and
 * date, never the notes); a new group post reaches the members who asked for it (the group's name and the
 * author, never the text); a request to join a private group reaches its moderators, and the approval
 * the requester. Names come from identity's {@link People} in one batch per event.
 */
@Component
class WellbeingNotifications {

	private final Inbox inbox;

	private final People people;

	WellbeingNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(MilestoneShared event) {
		Map<Long, String> names = this.people.names(List.of(event.motherId()));
		String mother = MentorshipNotifications.name(names, event.motherId());
		List<Notice> notices = new ArrayList<>();
		for (long mentor : event.mentorIds()) {
			notices.add(Notice.of(mentor, NotificationType.MILESTONE_SHARED, "/milestones/" + event.milestoneId(),
					Inbox.ids("milestoneId", event.milestoneId()), mother, event.title()));
		}
		this.inbox.deliver(notices);
	}

	@ApplicationModuleListener
	void on(GroupPostPublished event) {
		Map<Long, String> names = this.people.names(List.of(event.authorId()));
		String author = MentorshipNotifications.name(names, event.authorId());
		List<Notice> notices = new ArrayList<>();
		for (long member : event.recipientIds()) {
			if (member != event.authorId()) {
				notices.add(Notice.of(member, NotificationType.GROUP_POST_PUBLISHED,
						"/groups/" + event.groupId() + "#post-" + event.postId(),
						Inbox.ids("groupId", event.groupId(), "postId", event.postId()), author, event.groupName()));
			}
		}
		this.inbox.deliver(notices);
	}

	@ApplicationModuleListener
	void on(GroupJoinRequested event) {
		Map<Long, String> names = this.people.names(List.of(event.requesterId()));
		String requester = MentorshipNotifications.name(names, event.requesterId());
		List<Notice> notices = new ArrayList<>();
		for (long decider : event.deciderIds()) {
			notices.add(Notice.of(decider, NotificationType.GROUP_JOIN_REQUESTED, "/groups/" + event.groupId(),
					Inbox.ids("groupId", event.groupId()), requester, event.groupName()));
		}
		this.inbox.deliver(notices);
	}

	@ApplicationModuleListener
	void on(GroupJoinApproved event) {
		this.inbox.deliver(List.of(Notice.of(event.memberId(), NotificationType.GROUP_JOIN_APPROVED,
				"/groups/" + event.groupId(), Inbox.ids("groupId", event.groupId()), "", event.groupName())));
	}

	/** Every change of a leave coverage reaches the people it names; dates and names only, never the handover notes. */
	@ApplicationModuleListener
	void on(LeaveCoverageChanged event) {
		Map<Long, String> names = this.people.names(List.of(event.motherId(), event.proxyId()));
		String mother = MentorshipNotifications.name(names, event.motherId());
		String proxy = MentorshipNotifications.name(names, event.proxyId());
		NotificationType type = NotificationType.valueOf("COVERAGE_" + event.change().name());
		List<Notice> notices = new ArrayList<>();
		for (long recipient : event.recipientIds()) {
			notices.add(Notice.of(recipient, type, "/coverage/" + event.requestId(),
					Inbox.ids("coverageId", event.requestId()), mother, proxy, event.startDate(),
					event.endDate()));
		}
		this.inbox.deliver(notices);
	}

}
