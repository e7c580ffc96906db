package org.mentorhub.platform.jobs;

/**
 * One kind of background work that a module plugs into {@link Jobs}: a Spring bean of the module. The
 * handler's own record (an import, a draft) keeps the module's state; the job row keeps the thread's.
 */
public interface JobHandler {

	/** What to do with a job whose instance died while it ran. */
	enum AfterRestart {

		/** Run it again: the work skips what is done already (an import commits only its pending rows). */
		RESUME,
		/** Mark it FAILED with the reason "interrupted by a restart"; the person may retry it. */
		FAIL

	}

	/** The unique name of this kind of work, e.g. {@code identity.user-import}. */
	String kind();

	/**
	 * Does the work, in a background thread that carries the submitter's security context and locale.
	 * Throwing fails the job: the message of a {@link JobFailedException} becomes its reason.
	 */
	void run(JobProgress progress);

	/** What happens after a restart; {@link AfterRestart#FAIL} unless the work is idempotent. */
	default AfterRestart afterRestart() {
		return AfterRestart.FAIL;
	}

	/**
	 * The job failed (it threw, or was interrupted by a restart): the module records this on its own
	 * record, in the transaction that marks the job FAILED. Runs without a signed-in user.
	 */
	default void failed(Job job, String reason) {
	}

	/**
	 * Retries the subject of a FAILED job as the signed-in user, through the module's own service
	 * (which checks who may, and the state of its record). The generic {@code /api/v1/jobs/{id}/retry}
	 * calls this.
	 */
	void retry(long subjectId);

}
