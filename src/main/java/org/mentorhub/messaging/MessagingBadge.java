package org.mentorhub.messaging;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.Tenancy;
import org.springframework.stereotype.Component;

/** The unread messages badge in the layout's top bar: one indexed query per page; 0 for nobody. */
@Component("messagesBadge")
class MessagingBadge {

	private final Conversations conversations;

	private final Tenancy tenancy;

	MessagingBadge(Conversations conversations, Tenancy tenancy) {
		this.conversations = conversations;
		this.tenancy = tenancy;
	}

	/** The signed-in person's unread message count. */
	public long unread() {
		return this.tenancy.currentActor().filter(actor -> actor.institutionId() != null).map(Actor::id)
			.map(this.conversations::unreadCount).orElse(0L);
	}

}
