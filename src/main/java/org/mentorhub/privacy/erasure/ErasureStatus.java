package org.mentorhub.privacy.erasure;

/** Where an erasure request stands. */
public enum ErasureStatus {

	/** Asked; the cooling-off period runs or an administrator has yet to decide. The person may cancel. */
	PENDING,
	/** The person withdrew it. */
	CANCELLED,
	/** An administrator refused it, with a reason. */
	REFUSED,
	/** An administrator approved it; the job erases. */
	APPROVED,
	/** The job is erasing. */
	RUNNING,
	/** The person's data was erased. */
	COMPLETED,
	/** The job failed; an administrator may retry it (erasure is idempotent). */
	FAILED;

	/** Whether the request is still open (a second one is refused then). */
	boolean open() {
		return this == PENDING || this == APPROVED || this == RUNNING || this == FAILED;
	}

}
