package org.mentorhub.platform.imports;

/**
 * What every import's summary tells its pages and the shared fragments (fragments/import.html): which
 * import it is, its state, and how many rows changed something.
 */
public interface ImportProgress {

	/** The import's id. */
	long id();

	/** The uploaded file's name. */
	String fileName();

	/** The import's state. */
	ImportStatus status();

	/** The rows that changed something (created accounts, applied records). */
	int doneRows();

	/** Whether the commit is still running. */
	default boolean running() {
		return status() == ImportStatus.COMMITTING;
	}

	/** Whether the commit failed and may be retried. */
	default boolean retryable() {
		return status() == ImportStatus.FAILED;
	}

}
