package org.mentorhub.platform.jobs;

/** Thrown by a {@link JobHandler} to fail its job with a reason the user may read. */
public class JobFailedException extends RuntimeException {

	public JobFailedException(String reason) {
		super(reason);
	}

}
