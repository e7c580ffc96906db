package org.mentorhub.messaging;

import java.time.Instant;

/**
 * One line of the conversation list.
 *
 * @param conversationId the conversation ({@code low-high} of the two people's ids)
 * @param personId the other person
 * @param personName their full name
 * @param lastMessage the text of the last message (empty when it was deleted)
 * @param lastDeleted whether the last message was deleted
 * @param lastFromMe whether the viewer wrote the last message
 * @param lastAt when the last message was sent
 * @param unread how many messages of the other person the viewer has not read
 */
public record ConversationSummary(String conversationId, long personId, String personName, String lastMessage,
		boolean lastDeleted, boolean lastFromMe, Instant lastAt, long unread) {
}
