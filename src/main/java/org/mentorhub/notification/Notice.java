package org.mentorhub.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification to write for one person, as a listener asks for it: the type, the arguments of
 * the type's title and body messages (names, titles, dates already formatted), the page it opens
 * (a path of this application) and the ids it is about. Never the content of a private note, a chat
 * message or a feedback comment.
 *
 * @param recipientId the person told
 * @param type what it is about
 * @param link the page it opens: a path that starts with one slash
 * @param payload the ids it is about, shown to programs as JSON
 * @param args the arguments of the title and body messages
 * @param mailedByItsModule the module that raised it already e-mailed the person about it (a password
 * change, say): a person whose channel is e-mail gets no second mail
 */
record Notice(long recipientId, NotificationType type, String link, Map<String, Object> payload, List<Object> args,
		boolean mailedByItsModule) {

	Notice {
		Objects.requireNonNull(type, "type");
		if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
			throw new IllegalArgumentException("A notification links to a path of this application: " + link);
		}
		payload = Map.copyOf(payload);
		args = List.copyOf(args);
	}

	static Notice of(long recipientId, NotificationType type, String link, Map<String, Object> payload,
			Object... args) {
		return new Notice(recipientId, type, link, payload, List.of(args), false);
	}

	/** This notice, for a fact its module already e-mailed. */
	Notice alreadyMailed() {
		return new Notice(this.recipientId, this.type, this.link, this.payload, this.args, true);
	}

}
