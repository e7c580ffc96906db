package org.mentorhub.platform.jobs;

/** The life cycle of a job. */
public enum JobState {

	/** Submitted; waits for a thread (or, after a restart, to be resumed). */
	QUEUED,
	/** A thread of the instance named in the job works on it and keeps its heartbeat fresh. */
	RUNNING,
	/** The work is done. */
	SUCCEEDED,
	/** The work stopped; the reason says why, and the person who started it may retry it. */
	FAILED

}
