package org.mentorhub.profile.academic;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.mentorhub.platform.imports.ImportRowRecord;

/**
 * One data row of an uploaded academic data file, as typed, with its problems and what became of it.
 * Rows are written in one batch at upload (see {@link AcademicImports}); after that only their
 * outcome changes, and only a row waiting to be applied (NEW or UPDATE) can change.
 */
@Entity
@Table(name = "academic_import_rows")
class AcademicImportRow extends ImportRowRecord {

	private String rollNumber;

	private String gpa;

	private String attendance;

	private String riskLevel;

	private Long studentId;

	private String changedFields;

	@Enumerated(EnumType.STRING)
	private AcademicImports.Outcome outcome;

	protected AcademicImportRow() {
	}

	/** The values were written to the student's record. */
	void applied(String fields) {
		requirePending();
		this.outcome = AcademicImports.Outcome.APPLIED;
		this.changedFields = fields;
	}

	/** The student's record already holds these values (someone set them since the preview). */
	void unchanged(String reason) {
		note(reason);
		this.outcome = AcademicImports.Outcome.UNCHANGED;
		this.changedFields = null;
	}

	/** The row turned out invalid at commit time (the student moved, the GPA scale changed, ...). */
	void rejected(String problem) {
		note(problem);
		this.outcome = AcademicImports.Outcome.ERROR;
	}

	@Override
	public boolean isPending() {
		return this.outcome.pending();
	}

	String getRollNumber() {
		return this.rollNumber;
	}

	String getGpa() {
		return this.gpa;
	}

	String getAttendance() {
		return this.attendance;
	}

	String getRiskLevel() {
		return this.riskLevel;
	}

	Long getStudentId() {
		return this.studentId;
	}

	String getChangedFields() {
		return this.changedFields;
	}

	AcademicImports.Outcome getOutcome() {
		return this.outcome;
	}

}
