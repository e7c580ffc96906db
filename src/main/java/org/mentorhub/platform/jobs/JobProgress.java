package org.mentorhub.platform.jobs;

/** What a running {@link JobHandler} reports through: progress (which also keeps its heartbeat fresh). */
public interface JobProgress {

	/** The job that runs. */
	Job job();

	/** {@code done} of {@code total} are done; also proves that the job is alive. */
	void progress(int done, int total);

}
