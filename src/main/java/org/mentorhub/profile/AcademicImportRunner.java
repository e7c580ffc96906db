package org.mentorhub.profile;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.AcademicImportRules.Problem;
import org.mentorhub.profile.AcademicImportRules.Stored;
import org.mentorhub.profile.AcademicImportRules.Values;
import org.mentorhub.profile.AcademicImportSupport.Student;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits an academic data import in the background, one row per transaction, so that the page stays
 * responsive and the progress counter moves while it runs (the same design as the user import). Each
 * NEW or UPDATE row is checked again under the security context of the person who committed it (the
 * student may have moved department, the GPA scale may have changed), then applied to the student's
 * record and audited like a change by hand. A row whose values the record holds by now is UNCHANGED
 * and writes nothing; a row that fails its checks becomes ERROR with the reason; the others go on.
 */
@Component
class AcademicImportRunner {

	private static final Logger log = LoggerFactory.getLogger(AcademicImportRunner.class);

	private final AcademicImportRepository imports;

	private final AcademicImportRowRepository rows;

	private final StudentProfileRepository students;

	private final AcademicImportSupport support;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ThreadPoolTaskExecutor executor;

	AcademicImportRunner(AcademicImportRepository imports, AcademicImportRowRepository rows,
			StudentProfileRepository students, AcademicImportSupport support, Tenancy tenancy, AuditTrail audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.imports = imports;
		this.rows = rows;
		this.students = students;
		this.support = support;
		this.tenancy = tenancy;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(2);
		this.executor.setQueueCapacity(100);
		this.executor.setThreadNamePrefix("academic-import-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	/** Queues the commit of the import, acting as the given signed-in person, with their language. */
	void start(long importId, SecurityContext context, Locale locale) {
		this.executor.execute(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				run(importId);
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}, context));
	}

	void run(long importId) {
		try {
			AcademicImport upload = this.imports.findById(importId).orElseThrow();
			List<Long> pending = this.rows.findIdsByImportIdAndOutcomeIn(importId, AcademicImports.Outcome.PENDING);
			for (Long rowId : pending) {
				processRow(upload, rowId);
			}
			this.transactions.executeWithoutResult(status -> {
				AcademicImport done = this.imports.findById(importId).orElseThrow();
				done.finish(this.clock.instant());
				this.audit.record(AuditRecord.change("ACADEMIC_IMPORT_COMMITTED", "academic_imports", importId,
						Map.of("status", AcademicImports.Status.COMMITTING.name()),
						Map.of("status", AcademicImports.Status.COMMITTED.name(), "processedRows",
								done.getProcessedRows(), "appliedRows", done.getAppliedRows())));
			});
		}
		catch (RuntimeException ex) {
			log.error("The academic import {} stopped on an unexpected error", importId, ex);
			this.transactions.executeWithoutResult(status -> this.imports.findById(importId).ifPresent(upload -> {
				upload.fail(this.clock.instant());
				this.audit.record(AuditRecord.change("ACADEMIC_IMPORT_FAILED", "academic_imports", importId,
						Map.of("status", AcademicImports.Status.COMMITTING.name()),
						Map.of("status", AcademicImports.Status.FAILED.name())));
			}));
		}
	}

	private void processRow(AcademicImport upload, long rowId) {
		long importId = upload.getId();
		try {
			this.transactions.executeWithoutResult(status -> {
				AcademicImportRow row = this.rows.findById(rowId).orElseThrow();
				if (!row.isPending()) {
					return;
				}
				Student student = row.getStudentId() == null ? null
						: this.support.student(row.getStudentId()).orElse(null);
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
				Values values = AcademicImportRules.values(row.getGpa(), row.getAttendance(), row.getRiskLevel(),
						gpaScale, problems);
				if (values == null) {
					reject(importId, row, problems);
					return;
				}
				StudentProfile profile = this.students.findById(student.userId()).orElseThrow();
				List<String> changes = AcademicImportRules.changes(
						new Stored(profile.getGpa(), profile.getAttendancePct(), profile.getRiskLevel()), values);
				if (changes.isEmpty()) {
					row.unchanged(this.support.text(Problem.of("academicImport.row.sameValues")));
					this.imports.countProcessedRow(importId, 0);
					return;
				}
				Map<String, Object> before = profile.auditState();
				profile.importAcademic(values.gpa(), values.attendancePct(), values.riskLevel(), this.clock.instant());
				this.students.saveAndFlush(profile);
				Map<String, Object> after = new LinkedHashMap<>(profile.auditState());
				after.put("academicImportId", importId);
				this.audit.record(AuditRecord.change("STUDENT_ACADEMIC_UPDATED", "student_profiles", student.userId(),
						before, after));
				row.applied(String.join(",", changes));
				this.imports.countProcessedRow(importId, 1);
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Someone changed the record by hand at this very moment; their change stands.
			settle(importId, rowId,
					row -> row.rejected(this.support.text(Problem.of("academicImport.row.changedMeanwhile"))));
		}
	}

	private void reject(long importId, AcademicImportRow row, List<Problem> problems) {
		row.rejected(String.join(AcademicImportRow.PROBLEM_SEPARATOR, problems.stream().map(this.support::text).toList()));
		this.imports.countProcessedRow(importId, 0);
	}

	/** Records the outcome of a row whose own transaction was rolled back, in a new one. */
	private void settle(long importId, long rowId, Consumer<AcademicImportRow> outcome) {
		this.transactions.executeWithoutResult(status -> {
			AcademicImportRow row = this.rows.findById(rowId).orElseThrow();
			if (row.isPending()) {
				outcome.accept(row);
				this.imports.countProcessedRow(importId, 0);
			}
		});
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}
