package org.mentorhub.privacy.disclosure;

import java.time.Instant;

/**
 * One read of my education record by someone else.
 * @param reader who read it (their name; "Former member" once their account is erased)
 * @param record what was read: {@code academic}, {@code attendance}, {@code alert}, {@code goal} or
 *     {@code session-note}
 * @param action the audit action, e.g. {@code STUDENT_RISK_READ}
 */
public record DisclosureView(Instant at, Long readerId, String reader, String record, String action,
		String recordId) {
}
