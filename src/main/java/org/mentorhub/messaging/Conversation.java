package org.mentorhub.messaging;

import java.util.List;

/**
 * A page of a conversation, oldest first.
 *
 * @param conversationId the conversation
 * @param personId the other person
 * @param personName their full name
 * @param messages the messages of this page, oldest first
 * @param olderBefore the cursor of the next older page ({@code before=}), or null when this page reaches the first message
 * @param mayWrite whether the viewer may write to the other person now
 * @param blocked whether one of the two blocked the other
 */
public record Conversation(String conversationId, long personId, String personName, List<MessageView> messages,
		Long olderBefore, boolean mayWrite, boolean blocked) {

	/** The newest message's id on this page, or 0 (the cursor of the live refresh, {@code after=}). */
	public long newestId() {
		return this.messages.isEmpty() ? 0 : this.messages.get(this.messages.size() - 1).id();
	}

}
