package org.mentorhub.notification;

import org.mentorhub.integration.MicrosoftReconnectNeeded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A person's Microsoft 365 connection can no longer be refreshed: they are told to connect again,
 * with a link to the integrations page. The event carries no token.
 */
@Component
class IntegrationNotifications {

	private final Inbox inbox;

	IntegrationNotifications(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(MicrosoftReconnectNeeded event) {
		this.inbox.deliver(Inbox.toEach(java.util.List.of(event.userId()), NotificationType.MICROSOFT_RECONNECT,
				"/account/integrations", Inbox.ids("userId", event.userId()), event.occurredAt()));
	}

}
