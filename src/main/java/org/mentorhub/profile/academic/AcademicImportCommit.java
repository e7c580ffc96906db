package org.mentorhub.profile.academic;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.profile.AcademicRecords;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.imports.ImportPipeline;
import org.mentorhub.platform.jobs.Jobs;
import org.mentorhub.profile.academic.AcademicImportRules.Problem;
import org.mentorhub.profile.academic.AcademicImportRules.Stored;
import org.mentorhub.profile.academic.AcademicImportRules.Values;
import org.mentorhub.profile.academic.AcademicImportSupport.Student;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The academic import's rows in the import kit's background commit. Each NEW or UPDATE row is checked
 * again as the person who committed it, in their language (the student may have moved department,
 * the GPA scale may have changed), then applied to the student's record and audited like a change by
 * hand. A row whose values the record holds by now is UNCHANGED and writes nothing; a row that fails
 * its checks becomes ERROR with the reason; the others go on.
 */
@Component
class AcademicImportCommit extends ImportPipeline<AcademicImport> {

	static final String KIND = "profile.academic-import";

	private final AcademicImportRepository imports;

	private final AcademicImportRowRepository rows;

	private final AcademicRecords records;

	private final AcademicImportSupport support;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	AcademicImportCommit(AcademicImportRepository imports, AcademicImportRowRepository rows,
			AcademicRecords records, AcademicImportSupport support, ObjectProvider<AcademicImports> service,
			Tenancy tenancy, AuditTrail audit, Jobs jobs, PlatformTransactionManager transactionManager, Clock clock) {
		super(new Names(KIND, "ACADEMIC_IMPORT", "appliedRows"), imports, rows, service, jobs, transactionManager,
				clock);
		this.imports = imports;
		this.rows = rows;
		this.records = records;
		this.support = support;
		this.tenancy = tenancy;
		this.audit = audit;
	}

	@Override
	protected void audit(String action, long importId, Map<String, Object> before, Map<String, Object> after) {
		this.audit.record(AuditRecord.change(action, "academic_imports", importId, before, after));
	}

	@Override
	protected void applyRow(AcademicImport upload, long rowId) {
		long importId = upload.getId();
		AcademicImportRow row = this.rows.findById(rowId).orElseThrow();
		if (!row.isPending()) {
			return;
		}
		Student student = row.getStudentId() == null ? null : this.support.student(row.getStudentId()).orElse(null);
		if (student == null || !student.rollNumber().equals(row.getRollNumber())) {
			reject(importId, row, List.of(Problem.of("academicImport.row.noStudent")));
			return;
		}
		if (!AcademicImportSupport.inScope(this.tenancy.scope(), upload.getDepartmentId(), student)) {
			reject(importId, row, List.of(Problem.of("academicImport.row.notInDepartment")));
			return;
		}
		BigDecimal gpaScale = this.support.gpaScale(upload.getInstitutionId());
		List<Problem> problems = new ArrayList<>();
		Values values = AcademicImportRules.values(row.getGpa(), row.getAttendance(), row.getRiskLevel(), gpaScale,
				problems);
		if (values == null) {
			reject(importId, row, problems);
			return;
		}
		AcademicRecords.Held held = this.records.held(student.userId()).orElseThrow();
		List<String> changes = AcademicImportRules
			.changes(new Stored(held.gpa(), held.attendancePct(), held.riskLevel()), values);
		if (changes.isEmpty()) {
			row.unchanged(this.support.text(Problem.of("academicImport.row.sameValues")));
			this.imports.countProcessedRow(importId, 0);
			return;
		}
		this.records.importValues(student.userId(), values.gpa(), values.attendancePct(), values.riskLevel(), importId);
		row.applied(String.join(",", changes));
		this.imports.countProcessedRow(importId, 1);
	}

	@Override
	protected boolean settleRow(AcademicImport upload, long rowId, RuntimeException failure) {
		if (!(failure instanceof ObjectOptimisticLockingFailureException)) {
			return false;
		}
		// Someone changed the record by hand at this very moment; their change stands.
		AcademicImportRow row = this.rows.findById(rowId).orElseThrow();
		if (row.isPending()) {
			row.rejected(this.support.text(Problem.of("academicImport.row.changedMeanwhile")));
			this.imports.countProcessedRow(upload.getId(), 0);
		}
		return true;
	}

	private void reject(long importId, AcademicImportRow row, List<Problem> problems) {
		row.rejected(String.join(AcademicImportRow.PROBLEM_SEPARATOR, problems.stream().map(this.support::text).toList()));
		this.imports.countProcessedRow(importId, 0);
	}

}
