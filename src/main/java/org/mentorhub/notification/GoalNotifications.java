package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mentorhub.goal.GoalAtRisk;
import org.mentorhub.goal.GoalCreated;
import org.mentorhub.goal.GoalUpdated;
import org.mentorhub.identity.People;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Goals as notifications: a new goal, a progress update and a goal at risk reach the goal's owner and
 * their active mentors (as the event names them), but not the person who acted. An update that marks
 * a goal at risk is told once, as {@link NotificationType#GOAL_AT_RISK}. Names come from identity's
 * {@link People} in one batch per event; an update's note is never copied (the events do not carry it).
 */
@Component
class GoalNotifications {

	private final Inbox inbox;

	private final People people;

	GoalNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(GoalCreated event) {
		Map<Long, String> names = this.people.names(List.of(event.actorId(), event.studentId()));
		String actor = MentorshipNotifications.name(names, event.actorId());
		List<Notice> notices = new ArrayList<>();
		for (long recipient : recipients(event.studentId(), event.mentorIds(), event.actorId())) {
			DefaultMessageSourceResolvable forWhom = recipient == event.studentId()
					? new DefaultMessageSourceResolvable(new String[] { "notification.goal.forYou" }, null, "")
					: new DefaultMessageSourceResolvable(new String[] { "notification.goal.forMentee" },
							new Object[] { MentorshipNotifications.name(names, event.studentId()) });
			notices.add(Notice.of(recipient, NotificationType.GOAL_CREATED, link(event.goalId()),
					payload(event.goalId(), event.studentId()), actor, event.title(), forWhom));
		}
		this.inbox.deliver(notices);
	}

	@ApplicationModuleListener
	void on(GoalUpdated event) {
		if (event.markedAtRisk()) {
			return;
		}
		Map<Long, String> names = this.people.names(List.of(event.actorId()));
		this.inbox.deliver(Inbox.toEach(recipients(event.studentId(), event.mentorIds(), event.actorId()),
				NotificationType.GOAL_UPDATED, link(event.goalId()), payload(event.goalId(), event.studentId()),
				MentorshipNotifications.name(names, event.actorId()), event.title(), event.progressPct(),
				new DefaultMessageSourceResolvable("status." + event.status().name())));
	}

	@ApplicationModuleListener
	void on(GoalAtRisk event) {
		Map<Long, String> names = this.people.names(event.actorId() == null ? List.of() : List.of(event.actorId()));
		String actor = event.actorId() == null ? "—" : MentorshipNotifications.name(names, event.actorId());
		DefaultMessageSourceResolvable why = event.reason() == GoalAtRisk.Reason.OVERDUE
				? new DefaultMessageSourceResolvable(new String[] { "notification.goal.overdue" },
						new Object[] { event.title(), event.targetDate() })
				: new DefaultMessageSourceResolvable(new String[] { "notification.goal.markedAtRisk" },
						new Object[] { actor, event.title() });
		this.inbox.deliver(Inbox.toEach(recipients(event.studentId(), event.mentorIds(), event.actorId()),
				NotificationType.GOAL_AT_RISK, link(event.goalId()), payload(event.goalId(), event.studentId()), actor,
				event.title(), why));
	}

	/** The owner and the mentors, each once, without the person who acted. */
	private static Set<Long> recipients(long studentId, List<Long> mentorIds, Long actorId) {
		Set<Long> recipients = new LinkedHashSet<>();
		recipients.add(studentId);
		recipients.addAll(mentorIds);
		if (actorId != null) {
			recipients.remove(actorId);
		}
		return recipients;
	}

	private static String link(long goalId) {
		return "/goals/" + goalId;
	}

	private static Map<String, Object> payload(long goalId, long studentId) {
		return Inbox.ids("goalId", goalId, "studentId", studentId);
	}

}
