package org.mentorhub.profile.academic;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.mentorhub.platform.imports.ImportRecord;

/**
 * One uploaded CSV file of academic data: previewed, then committed (its rows that change something
 * are applied to the students' records) or discarded, with the life cycle every import shares
 * ({@link ImportRecord}). Its done counter is the number of records changed.
 */
@Entity
@Table(name = "academic_imports")
@AttributeOverride(name = "doneRows", column = @Column(name = "applied_rows"))
class AcademicImport extends ImportRecord {

	/** The department a coordinator's upload is limited to; null for the whole institution. */
	private Long departmentId;

	protected AcademicImport() {
	}

	private AcademicImport(long institutionId, Long departmentId, long uploadedById, String fileName,
			String fileSha256, int totalRows, int validRows, Instant now) {
		super(institutionId, uploadedById, fileName, fileSha256, totalRows, validRows, now);
		this.departmentId = departmentId;
	}

	static AcademicImport preview(long institutionId, Long departmentId, long uploadedById, String fileName,
			String fileSha256, int totalRows, int validRows, Instant now) {
		return new AcademicImport(institutionId, departmentId, uploadedById, fileName, fileSha256, totalRows,
				validRows, now);
	}

	Long getDepartmentId() {
		return this.departmentId;
	}

	int getAppliedRows() {
		return getDoneRows();
	}

}
