package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.List;

/**
 * A leave-coverage request changed; {@code recipientIds} are the people who must hear of it. Never
 * carries the handover notes.
 */
public record LeaveCoverageChanged(long requestId, Change change, long motherId, long proxyId, LocalDate startDate,
		LocalDate endDate, List<Long> recipientIds) {

	/** What happened to the request. */
	public enum Change {
		REQUESTED, ACCEPTED, REJECTED, APPROVAL_NEEDED, APPROVED, CANCELLED, STARTED, ENDED
	}

}
