package org.mentorhub.profile;

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

import org.mentorhub.platform.StateTransitionException;

/**
 * One uploaded CSV file of academic data: previewed, then committed (its rows that change something
 * are applied to the students' records) or discarded. Its counters of processed and applied rows are
 * advanced by the background commit one row at a time, in the same transaction as the row.
 */
@Entity
@Table(name = "academic_imports")
class AcademicImport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	/** The department a coordinator's upload is limited to; null for the whole institution. */
	private Long departmentId;

	private Long uploadedById;

	private String fileName;

	@Column(name = "file_sha256")
	private String fileSha256;

	@Enumerated(EnumType.STRING)
	private AcademicImports.Status status;

	private int totalRows;

	private int validRows;

	private int processedRows;

	private int appliedRows;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant finishedAt;

	@Version
	private long version;

	protected AcademicImport() {
	}

	static AcademicImport preview(long institutionId, Long departmentId, long uploadedById, String fileName,
			String fileSha256, int totalRows, int validRows, Instant now) {
		AcademicImport upload = new AcademicImport();
		upload.institutionId = institutionId;
		upload.departmentId = departmentId;
		upload.uploadedById = uploadedById;
		upload.fileName = fileName;
		upload.fileSha256 = fileSha256;
		upload.status = AcademicImports.Status.PREVIEW;
		upload.totalRows = totalRows;
		upload.validRows = validRows;
		upload.createdAt = now;
		return upload;
	}

	/** The uploader chose to apply the rows; only a previewed file can be committed, once. */
	void startCommitting() {
		if (this.status != AcademicImports.Status.PREVIEW) {
			throw new StateTransitionException(
					"This import has already been " + pastTense() + "; upload the file again to import it anew.");
		}
		this.status = AcademicImports.Status.COMMITTING;
	}

	/** The uploader chose to apply nothing; only a previewed file can be discarded. */
	void discard(Instant now) {
		if (this.status != AcademicImports.Status.PREVIEW) {
			throw new StateTransitionException(
					"This import has already been " + pastTense() + " and can no longer be discarded.");
		}
		this.status = AcademicImports.Status.DISCARDED;
		this.finishedAt = now;
	}

	/** Every row to apply has been processed. */
	void finish(Instant now) {
		if (this.status != AcademicImports.Status.COMMITTING) {
			throw new StateTransitionException("Only a running import can finish.");
		}
		this.status = AcademicImports.Status.COMMITTED;
		this.finishedAt = now;
	}

	/** The background commit stopped on an unexpected error; the rows done so far stay done. */
	void fail(Instant now) {
		if (this.status == AcademicImports.Status.COMMITTING) {
			this.status = AcademicImports.Status.FAILED;
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

	Long getDepartmentId() {
		return this.departmentId;
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

	AcademicImports.Status getStatus() {
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

	int getAppliedRows() {
		return this.appliedRows;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getFinishedAt() {
		return this.finishedAt;
	}

}
