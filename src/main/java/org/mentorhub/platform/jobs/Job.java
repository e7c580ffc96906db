package org.mentorhub.platform.jobs;

import java.time.Instant;

/**
 * A job as the pages and the API show it: what it works on, its state, progress and failure reason.
 * @param kind the handler's {@link JobHandler#kind() kind}
 * @param subjectId the record the job works on (an import, a draft), owned by the handler's module
 * @param submittedBy the account that submitted it; the job runs as this account
 * @param done how much of {@code total} is done (rows, percent), as the handler reports it
 * @param attempts how often a thread started the job (a resume after a restart counts)
 */
public record Job(long id, String kind, long subjectId, Long submittedBy, JobState state, int done, int total,
		String failureReason, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
		Instant heartbeatAt) {

	/** Whether the job is waiting or running. */
	public boolean active() {
		return this.state == JobState.QUEUED || this.state == JobState.RUNNING;
	}

	/** The progress from 0 to 100. */
	public int percent() {
		if (this.state == JobState.SUCCEEDED) {
			return 100;
		}
		return this.total <= 0 ? 0 : Math.min(100, this.done * 100 / this.total);
	}

}
