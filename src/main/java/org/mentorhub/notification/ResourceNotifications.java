package org.mentorhub.notification;

import java.util.List;

import org.mentorhub.resource.ResourceShared;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The library as notifications: a resource a mentor shares reaches the mentee, with a link to the
 * resource (never the mentor's note, which stays out of notifications and e-mail).
 */
@Component
class ResourceNotifications {

	private final Inbox inbox;

	ResourceNotifications(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(ResourceShared event) {
		this.inbox.deliver(List.of(Notice.of(event.menteeId(), NotificationType.RESOURCE_SHARED,
				"/resources/" + event.resourceId(), Inbox.ids("resourceId", event.resourceId()), event.mentorName(),
				event.title())));
	}

}
