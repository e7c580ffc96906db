package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.alert.AlertAssigned;
import org.mentorhub.alert.AlertClosed;
import org.mentorhub.alert.AlertEscalated;
import org.mentorhub.identity.People;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Alerts as notifications, closing the loop: the owner hears that a case is given to them (not when
 * they gave it to themselves), whoever raised an alert hears how it ended, with the outcome note or the
 * reason (not when they closed it themselves), and the coordinators (and, for a CRITICAL alert, the
 * administrators) hear of an alert nobody acknowledged in time. The message of the alert is never
 * copied; names come from identity's {@link People} in one batch per event.
 */
@Component
class AlertNotifications {

	private final Inbox inbox;

	private final People people;

	AlertNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(AlertAssigned event) {
		if (event.assignedById() != null && event.assignedById() == event.ownerId()) {
			return;
		}
		Map<Long, String> names = this.people.names(event.assignedById() == null ? List.of(event.studentId())
				: List.of(event.studentId(), event.assignedById()));
		String by = event.assignedById() == null ? "MentorHub" : MentorshipNotifications.name(names, event.assignedById());
		this.inbox.deliver(List.of(Notice.of(event.ownerId(), NotificationType.ALERT_ASSIGNED, link(event.alertId()),
				payload(event.alertId(), event.studentId()), by, MentorshipNotifications.name(names, event.studentId()),
				severity(event.severity().name()), category(event.category().name()))));
	}

	@ApplicationModuleListener
	void on(AlertClosed event) {
		if (event.raisedById() == null || event.raisedById().equals(event.closedById())) {
			return;
		}
		Map<Long, String> names = this.people.names(event.closedById() == null ? List.of(event.studentId())
				: List.of(event.studentId(), event.closedById()));
		// A rule that resolved its own alert (the data recovered) closes it as MentorHub.
		Object closedBy = event.closedById() == null ? "MentorHub" : MentorshipNotifications.name(names, event.closedById());
		this.inbox.deliver(List.of(Notice.of(event.raisedById(), NotificationType.ALERT_CLOSED, link(event.alertId()),
				payload(event.alertId(), event.studentId()), closedBy,
				MentorshipNotifications.name(names, event.studentId()),
				new DefaultMessageSourceResolvable("notification.alert." + event.status().name()),
				category(event.category().name()), event.outcome() == null ? "—" : event.outcome())));
	}

	@ApplicationModuleListener
	void on(AlertEscalated event) {
		List<Long> ids = new ArrayList<>(List.of(event.studentId()));
		if (event.ownerId() != null) {
			ids.add(event.ownerId());
		}
		Map<Long, String> names = this.people.names(ids);
		Object owner = event.ownerId() == null ? new DefaultMessageSourceResolvable("notification.alert.noOwner")
				: MentorshipNotifications.name(names, event.ownerId());
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), NotificationType.ALERT_ESCALATED, link(event.alertId()),
				payload(event.alertId(), event.studentId()), owner, MentorshipNotifications.name(names, event.studentId()),
				severity(event.severity().name()), category(event.category().name()), event.createdAt()));
	}

	private static DefaultMessageSourceResolvable severity(String code) {
		return new DefaultMessageSourceResolvable("status." + code);
	}

	private static DefaultMessageSourceResolvable category(String code) {
		return new DefaultMessageSourceResolvable("enum.AlertCategory." + code);
	}

	private static String link(long alertId) {
		return "/alerts/" + alertId;
	}

	private static Map<String, Object> payload(long alertId, long studentId) {
		return Inbox.ids("alertId", alertId, "studentId", studentId);
	}

}
