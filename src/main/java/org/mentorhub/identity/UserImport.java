package org.mentorhub.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One uploaded CSV file of people to invite: previewed, then committed (its valid rows become
 * invited accounts) or discarded. Its counters of processed and created rows are advanced by the
 * background commit one row at a time, in the same transaction as the row.
 */
@Entity
@Table(name = "user_imports")
class UserImport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private Long uploadedById;

	private String fileName;

	@Column(name = "file_sha256")
	private String fileSha256;

	@Enumerated(EnumType.STRING)
	private UserImports.Status status;

	private int totalRows;

	private int validRows;

	private int processedRows;

	private int createdRows;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant finishedAt;

	@Version
	private long version;

	protected UserImport() {
	}

	static UserImport preview(long institutionId, Long uploadedById, String fileName, String fileSha256, int totalRows,
			int validRows, Instant now) {
		UserImport upload = new UserImport();
		upload.institutionId = institutionId;
		upload.uploadedById = uploadedById;
		upload.fileName = fileName;
		upload.fileSha256 = fileSha256;
		upload.status = UserImports.Status.PREVIEW;
		upload.totalRows = totalRows;
		upload.validRows = validRows;
		upload.createdAt = now;
		return upload;
	}

	/** The administrator chose to import the valid rows; only a previewed file can be committed, once. */
	void startCommitting() {
		if (this.status != UserImports.Status.PREVIEW) {
			throw new org.mentorhub.platform.StateTransitionException(
					"This import has already been " + pastTense() + "; upload the file again to import it anew.");
		}
		this.status = UserImports.Status.COMMITTING;
	}

	/** The administrator chose to import nothing; only a previewed file can be discarded. */
	void discard(Instant now) {
		if (this.status != UserImports.Status.PREVIEW) {
			throw new org.mentorhub.platform.StateTransitionException(
					"This import has already been " + pastTense() + " and can no longer be discarded.");
		}
		this.status = UserImports.Status.DISCARDED;
		this.finishedAt = now;
	}

	/** Every valid row has been processed. */
	void finish(Instant now) {
		if (this.status != UserImports.Status.COMMITTING) {
			throw new org.mentorhub.platform.StateTransitionException("Only a running import can finish.");
		}
		this.status = UserImports.Status.COMMITTED;
		this.finishedAt = now;
	}

	/** The background commit stopped on an unexpected error; the rows done so far stay done. */
	void fail(Instant now) {
		if (this.status == UserImports.Status.COMMITTING) {
			this.status = UserImports.Status.FAILED;
			this.finishedAt = now;
		}
	}

	private String pastTense() {
		return switch (this.status) {
			case COMMITTING -> "started";
			case COMMITTED, FAILED -> "committed";
			case DISCARDED -> "discarded";
			case PREVIEW -> "previewed";
		};
	}

	Long getId() {
		return this.id;
	}

	Long getInstitutionId() {
		return this.institutionId;
	}

	Long getUploadedById() {
		return this.uploadedById;
	}

	String getFileName() {
		return this.fileName;
	}

	String getFileSha256() {
		return this.fileSha256;
	}

	UserImports.Status getStatus() {
		return this.status;
	}

	int getTotalRows() {
		return this.totalRows;
	}

	int getValidRows() {
		return this.validRows;
	}

	int getProcessedRows() {
		return this.processedRows;
	}

	int getCreatedRows() {
		return this.createdRows;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getFinishedAt() {
		return this.finishedAt;
	}

}
