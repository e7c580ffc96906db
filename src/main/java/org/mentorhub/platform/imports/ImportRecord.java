package org.mentorhub.platform.imports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.mentorhub.platform.StateTransitionException;

/**
 * The columns and life cycle every module's import table shares: one uploaded CSV file, previewed,
 * then committed (its rows applied in the background) or discarded. The counters of processed and
 * done rows (accounts created, records changed: the module names the column of {@code doneRows}) are
 * advanced one row at a time by the background commit, in the same transaction as the row.
 */
@MappedSuperclass
public abstract class ImportRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private Long uploadedById;

	private String fileName;

	@Column(name = "file_sha256")
	private String fileSha256;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	private int totalRows;

	private int validRows;

	private int processedRows;

	private int doneRows;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant finishedAt;

	@Version
	private long version;

	protected ImportRecord() {
	}

	/** A new preview of a checked file. */
	protected ImportRecord(long institutionId, Long uploadedById, String fileName, String fileSha256, int totalRows,
			int validRows, Instant now) {
		this.institutionId = institutionId;
		this.uploadedById = uploadedById;
		this.fileName = fileName;
		this.fileSha256 = fileSha256;
		this.status = ImportStatus.PREVIEW;
		this.totalRows = totalRows;
		this.validRows = validRows;
		this.createdAt = now;
	}

	/** The uploader chose to apply the rows; only a previewed file can be committed, once. */
	public void startCommitting() {
		if (this.status != ImportStatus.PREVIEW) {
			throw new StateTransitionException(
					"This import has already been " + pastTense() + "; upload the file again to import it anew.");
		}
		this.status = ImportStatus.COMMITTING;
	}

	/** The uploader retries a commit that failed; the rows done so far stay done and are skipped. */
	public void retry() {
		if (this.status != ImportStatus.FAILED) {
			throw new StateTransitionException(this.status == ImportStatus.COMMITTING
					? "This import is still running; only a failed import can be retried."
					: "Only a failed import can be retried; this one has been " + pastTense() + ".");
		}
		this.status = ImportStatus.COMMITTING;
		this.finishedAt = null;
	}

	/** The uploader chose to apply nothing; only a previewed file can be discarded. */
	public void discard(Instant now) {
		if (this.status != ImportStatus.PREVIEW) {
			throw new StateTransitionException(
					"This import has already been " + pastTense() + " and can no longer be discarded.");
		}
		this.status = ImportStatus.DISCARDED;
		this.finishedAt = now;
	}

	/** Every row to apply has been processed. */
	public void finish(Instant now) {
		if (this.status != ImportStatus.COMMITTING) {
			throw new StateTransitionException("Only a running import can finish.");
		}
		this.status = ImportStatus.COMMITTED;
		this.finishedAt = now;
	}

	/** The background commit stopped; the rows done so far stay done. */
	public void fail(Instant now) {
		if (this.status == ImportStatus.COMMITTING) {
			this.status = ImportStatus.FAILED;
			this.finishedAt = now;
		}
	}

	/** The progress of the commit, 0 to 100. */
	public int percent() {
		return this.validRows == 0 ? (this.status == ImportStatus.PREVIEW ? 0 : 100)
				: Math.min(100, this.processedRows * 100 / this.validRows);
	}

	private String pastTense() {
		return switch (this.status) {
			case COMMITTING -> "started";
			case COMMITTED, FAILED -> "committed";
			case DISCARDED -> "discarded";
			case PREVIEW -> "previewed";
		};
	}

	public Long getId() {
		return this.id;
	}

	public Long getInstitutionId() {
		return this.institutionId;
	}

	public Long getUploadedById() {
		return this.uploadedById;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getFileSha256() {
		return this.fileSha256;
	}

	public ImportStatus getStatus() {
		return this.status;
	}

	public int getTotalRows() {
		return this.totalRows;
	}

	public int getValidRows() {
		return this.validRows;
	}

	public int getProcessedRows() {
		return this.processedRows;
	}

	public int getDoneRows() {
		return this.doneRows;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

}
