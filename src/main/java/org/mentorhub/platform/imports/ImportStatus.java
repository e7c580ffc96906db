package org.mentorhub.platform.imports;

/** The life cycle of an import, the same for every module's imports. */
public enum ImportStatus {

	/** Uploaded and checked; waits for the uploader's choice. */
	PREVIEW,
	/** The rows are being applied in the background. */
	COMMITTING,
	/** Every row to apply has been processed. */
	COMMITTED,
	/** The uploader chose to apply nothing. */
	DISCARDED,
	/** The background work stopped (an error, or a restart); the uploader may retry it. */
	FAILED

}
