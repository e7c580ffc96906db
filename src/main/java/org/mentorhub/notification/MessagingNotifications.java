package org.mentorhub.notification;

import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.messaging.ConnectionAccepted;
import org.mentorhub.messaging.ConnectionRequested;
import org.mentorhub.messaging.DirectMessageSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messaging as notifications: a direct message reaches its receiver (who wrote, never what: the text
 * is not in the event), a connection request its receiver, an accepted request its requester. The
 * live stream carries them, and messaging.js updates the unread messages badge and an open
 * conversation from them (docs/messaging.md). A request's note is not copied.
 */
@Component
class MessagingNotifications {

	private final Inbox inbox;

	private final People people;

	MessagingNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(DirectMessageSent event) {
		deliver(event.receiverId(), NotificationType.DIRECT_MESSAGE, "/messages/" + event.conversationId(),
				Map.of("messageId", event.messageId(), "senderId", event.senderId()), event.senderId());
	}

	@ApplicationModuleListener
	void on(ConnectionRequested event) {
		deliver(event.receiverId(), NotificationType.CONNECTION_REQUESTED, "/network",
				Map.of("connectionId", event.connectionId()), event.requesterId());
	}

	@ApplicationModuleListener
	void on(ConnectionAccepted event) {
		deliver(event.requesterId(), NotificationType.CONNECTION_ACCEPTED, "/network",
				Map.of("connectionId", event.connectionId()), event.receiverId());
	}

	private void deliver(long recipient, NotificationType type, String link, Map<String, Object> payload, long actorId) {
		Map<Long, String> names = this.people.names(List.of(actorId));
		this.inbox.deliver(List.of(Notice.of(recipient, type, link, payload, MentorshipNotifications.name(names, actorId))));
	}

}
