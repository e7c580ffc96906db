package org.mentorhub.messaging;

/**
 * A connection request was accepted (by its receiver, or by a request of the receiver that met it).
 *
 * @param connectionId the connection
 * @param requesterId who asked first
 * @param receiverId who accepted
 */
public record ConnectionAccepted(long connectionId, long requesterId, long receiverId) {
}
