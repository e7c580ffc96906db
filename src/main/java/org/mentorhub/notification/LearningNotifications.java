package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.learning.PathCompleted;
import org.mentorhub.learning.PathRecommended;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learning paths as notifications: a recommendation reaches the mentee (never the mentor's note, which
 * the event does not carry); a completed path reaches the learner and their active mentors, as the
 * event names them. Names come from identity's {@link People} in one batch per event.
 */
@Component
class LearningNotifications {

	private final Inbox inbox;

	private final People people;

	LearningNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(PathRecommended event) {
		Map<Long, String> names = this.people.names(List.of(event.mentorId()));
		this.inbox.deliver(List.of(Notice.of(event.menteeId(), NotificationType.LEARNING_PATH_RECOMMENDED,
				link(event.pathId()), Inbox.ids("pathId", event.pathId(), "recommendationId", event.recommendationId()),
				MentorshipNotifications.name(names, event.mentorId()), event.pathTitle())));
	}

	@ApplicationModuleListener
	void on(PathCompleted event) {
		Map<Long, String> names = this.people.names(List.of(event.learnerId()));
		String learner = MentorshipNotifications.name(names, event.learnerId());
		Map<String, Object> payload = Inbox.ids("pathId", event.pathId(), "learnerId", event.learnerId());
		List<Notice> notices = new ArrayList<>();
		notices.add(Notice.of(event.learnerId(), NotificationType.LEARNING_PATH_COMPLETED, link(event.pathId()), payload,
				learner, event.pathTitle(), new DefaultMessageSourceResolvable(
						new String[] { "notification.learning.completedByYou" }, new Object[] { event.pathTitle() })));
		for (long mentor : event.mentorIds()) {
			if (mentor != event.learnerId()) {
				notices.add(Notice.of(mentor, NotificationType.LEARNING_PATH_COMPLETED, "/learning/mentees", payload,
						learner, event.pathTitle(), new DefaultMessageSourceResolvable(
								new String[] { "notification.learning.completedByMentee" },
								new Object[] { learner, event.pathTitle() })));
			}
		}
		this.inbox.deliver(notices);
	}

	private static String link(long pathId) {
		return "/learning/paths/" + pathId;
	}

}
