package org.mentorhub.messaging;

/**
 * Somebody asked another person of their institution to connect. The note is not carried: it is
 * shown on the network page only.
 *
 * @param connectionId the pending connection
 * @param requesterId who asked
 * @param receiverId who is asked
 */
public record ConnectionRequested(long connectionId, long requesterId, long receiverId) {
}
