package org.mentorhub.privacy.erasure;

import java.time.Instant;

/**
 * One erasure request as the pages and the API show it.
 * @param id the request
 * @param userId the person who asked
 * @param personName the person's name (to administrators; "Former member" once erased)
 * @param institutionId the person's institution, whose administrators decide
 * @param status where it stands
 * @param reason the person's reason, if they gave one
 * @param requestedAt when they asked
 * @param eligibleAt when the cooling-off period ends
 * @param decidedAt when an administrator decided
 * @param decisionReason why an administrator refused
 * @param academicHold whether the education record is kept (the institution's legal hold when approved)
 * @param completedAt when the erasure completed
 * @param rowsErased how many rows the erasure deleted or changed
 */
public record ErasureRequest(long id, long userId, String personName, long institutionId, ErasureStatus status,
		String reason, Instant requestedAt, Instant eligibleAt, Instant decidedAt, String decisionReason,
		boolean academicHold, Instant completedAt, Integer rowsErased) {

	/** Whether the cooling-off period is over at the given time. */
	public boolean coolingOffOver(Instant now) {
		return !now.isBefore(this.eligibleAt);
	}

	/** Whether the person may still cancel. */
	public boolean cancellable() {
		return this.status == ErasureStatus.PENDING;
	}

	/** The same request with the person's name. */
	ErasureRequest named(String name) {
		return new ErasureRequest(this.id, this.userId, name, this.institutionId, this.status, this.reason,
				this.requestedAt, this.eligibleAt, this.decidedAt, this.decisionReason, this.academicHold,
				this.completedAt, this.rowsErased);
	}

}
