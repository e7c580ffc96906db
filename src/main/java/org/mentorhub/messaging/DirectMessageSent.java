package org.mentorhub.messaging;

/**
 * A direct message was sent. The text is not carried: a notification says who wrote, never what.
 *
 * @param messageId the message
 * @param senderId who wrote it
 * @param receiverId to whom
 * @param conversationId the conversation's id ({@code low-high} of the two people's ids)
 */
public record DirectMessageSent(long messageId, long senderId, long receiverId, String conversationId) {
}
