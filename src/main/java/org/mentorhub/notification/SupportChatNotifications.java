package org.mentorhub.notification;

import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.wellbeing.chat.SupportChatCrisisFlagged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A mother's support-chat message was caught by the crisis screen: the institution's designated
 * contact (or its administrators) is asked to call her now, by name and with a link to her profile.
 * The event carries no message text, so none can reach a notification or an e-mail.
 */
@Component
class SupportChatNotifications {

	private final Inbox inbox;

	private final People people;

	SupportChatNotifications(Inbox inbox, People people) {
		this.inbox = inbox;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(SupportChatCrisisFlagged event) {
		if (event.recipientIds().isEmpty()) {
			return;
		}
		Map<Long, String> names = this.people.names(List.of(event.motherId()));
		this.inbox.deliver(Inbox.toEach(event.recipientIds(), NotificationType.SUPPORT_CHAT_CRISIS,
				"/people/" + event.motherId(), Inbox.ids("userId", event.motherId()),
				MentorshipNotifications.name(names, event.motherId()), event.flaggedAt()));
	}

}
