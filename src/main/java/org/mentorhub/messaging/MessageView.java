package org.mentorhub.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One direct message as one of its two people sees it.
 *
 * @param id the message
 * @param senderId who wrote it
 * @param mine whether the viewer wrote it
 * @param text the plain text; empty once deleted
 * @param deleted whether its sender deleted it (shown as "message deleted")
 * @param read whether its receiver has read it
 * @param readAt when it was read, or null
 * @param createdAt when it was sent
 * @param deletable whether the viewer may still delete it (their own, within 15 minutes)
 */
public record MessageView(long id, long senderId, boolean mine, String text, boolean deleted, boolean read,
		Instant readAt, Instant createdAt, boolean deletable) {

	/** The text as parts to print: text and http(s) links (for the pages; not part of the JSON). */
	public List<TextPart> parts() {
		return MessageText.parts(this.text);
	}

}
