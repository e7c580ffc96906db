package org.mentorhub.notification;

import java.time.Instant;
import java.util.Map;

/**
 * A notification as its person sees it.
 *
 * @param type a {@link NotificationType} name (older rows may hold others)
 * @param link the page it opens (a path of this application)
 * @param payload the ids it is about
 * @param readAt when it was read, or null while unread
 */
public record NotificationView(long id, String type, String title, String body, String link,
		Map<String, Object> payload, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
