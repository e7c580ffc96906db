package org.mentorhub.privacy.export;

/** Where a download of one's data stands. */
public enum ExportStatus {

	/** The job builds the ZIP. */
	BUILDING,
	/** The ZIP waits for its single download, until it expires. */
	READY,
	/** Downloaded once; the ZIP is gone. */
	DOWNLOADED,
	/** Not downloaded within its time; the ZIP is gone. */
	EXPIRED,
	/** The job failed; the person may ask again. */
	FAILED

}
