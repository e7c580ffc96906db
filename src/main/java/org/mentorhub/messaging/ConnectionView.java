package org.mentorhub.messaging;

import java.time.Instant;

/**
 * A connection or a request, seen by one of its two people.
 *
 * @param id the connection's id
 * @param personId the other person
 * @param personName the other person's full name
 * @param status PENDING, ACCEPTED or REJECTED
 * @param sentByMe whether the viewer asked
 * @param note the requester's note, plain text (may be empty)
 * @param createdAt when it was asked
 */
public record ConnectionView(long id, long personId, String personName, String status, boolean sentByMe, String note,
		Instant createdAt) {
}
