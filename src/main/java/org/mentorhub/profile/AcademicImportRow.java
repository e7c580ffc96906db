package org.mentorhub.profile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mentorhub.platform.StateTransitionException;

/**
 * One data row of an uploaded academic data file, as typed, with its problems and what became of it.
 * Rows are written in one batch at upload (see {@link AcademicImports}); after that only their
 * outcome changes, and only a row waiting to be applied (NEW or UPDATE) can change.
 */
@Entity
@Table(name = "academic_import_rows")
class AcademicImportRow {

	/** Problems are stored one per line in the {@code errors} column. */
	static final String PROBLEM_SEPARATOR = "\n";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long importId;

	private int lineNumber;

	private String rollNumber;

	private String gpa;

	private String attendance;

	private String riskLevel;

	private Long studentId;

	private String changedFields;

	private String errors;

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
	void unchanged(String note) {
		requirePending();
		this.outcome = AcademicImports.Outcome.UNCHANGED;
		this.changedFields = null;
		this.errors = note;
	}

	/** The row turned out invalid at commit time (the student moved, the GPA scale changed, ...). */
	void rejected(String problem) {
		requirePending();
		this.outcome = AcademicImports.Outcome.ERROR;
		this.errors = problem.length() > 2000 ? problem.substring(0, 2000) : problem;
	}

	boolean isPending() {
		return this.outcome.pending();
	}

	private void requirePending() {
		if (!isPending()) {
			throw new StateTransitionException("This row has already been processed.");
		}
	}

	Long getId() {
		return this.id;
	}

	Long getImportId() {
		return this.importId;
	}

	int getLineNumber() {
		return this.lineNumber;
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

	String getErrors() {
		return this.errors;
	}

	AcademicImports.Outcome getOutcome() {
		return this.outcome;
	}

}
