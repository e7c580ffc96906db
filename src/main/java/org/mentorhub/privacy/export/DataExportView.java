package org.mentorhub.privacy.export;

import java.time.Instant;

/**
 * A download of one's data as its owner sees it.
 * @param jobId the background job that builds it (GET /api/v1/jobs/{id})
 * @param percent how far the job is, from 0 to 100
 */
public record DataExportView(long id, ExportStatus status, Long jobId, int percent, String failureReason,
		Instant createdAt, Instant readyAt, Instant expiresAt, Instant downloadedAt, Long sizeBytes) {

	/** Whether the page keeps polling. */
	public boolean building() {
		return this.status == ExportStatus.BUILDING;
	}

}
