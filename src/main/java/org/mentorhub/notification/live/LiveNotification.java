package org.mentorhub.notification.live;

import java.time.Instant;

/**
 * A new notification as the stream sends it (the JSON data of an SSE event named {@code notification},
 * whose id is the notification's id).
 *
 * @param link the page it opens (a path of this application); a client opens it through
 * {@code /notifications/{id}/open}, which marks it read
 * @param unread the person's unread count as the event is sent
 */
record LiveNotification(long id, String type, String title, String body, String link, Instant createdAt,
		long unread) {
}
