package org.mentorhub.profile.academic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.Uploads;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.imports.ImportProgress;
import org.mentorhub.platform.imports.ImportRows;
import org.mentorhub.platform.imports.ImportService;
import org.mentorhub.platform.imports.ImportWithRows;
import org.mentorhub.platform.imports.ImportStatus;
import org.mentorhub.profile.academic.AcademicImportRules.Problem;
import org.mentorhub.profile.academic.AcademicImportSupport.Student;
import org.mentorhub.profile.academic.AcademicImportRules.Values;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile module's API for importing students' academic data (GPA, attendance, risk level) from a
 * CSV export of the institution's student information system (permission {@code STUDENT_RISK_WRITE}:
 * administrators and coordinators). An upload is checked row by row and kept as a preview; the
 * uploader then commits it, which applies the rows that change something in the background while a
 * progress counter advances (the import kit, {@link AcademicImportCommit}), or discards it. A commit
 * interrupted by a restart is resumed; one that failed may be retried.
 * <p>
 * Who: an administrator imports for every student of the institution and sees every import of it; a
 * coordinator only for the students of their department ("not in your department" for the others,
 * which shows nothing of their record) and sees only their own imports. Another institution's import,
 * or another person's for a coordinator, is "not found". A row whose values equal the stored ones is
 * UNCHANGED and writes nothing, so importing the same file twice changes nothing the second time.
 * Every applied row is audited like a change by hand ({@code STUDENT_ACADEMIC_UPDATED}, before and
 * after), and so are the upload, the commit and the discard of the import.
 */
@Service
@PreAuthorize("hasAuthority('STUDENT_RISK_WRITE')")
public class AcademicImports
		extends ImportService<AcademicImport, AcademicImports.ImportSummary, AcademicImports.ImportPreview> {

	/** What a row does, or did. */
	public enum Outcome {

		/** Will give the student their first GPA or attendance. */
		NEW,
		/** Will change values the student's record holds. */
		UPDATE,
		/** The record already holds these values, or the row gives none; nothing to do. */
		UNCHANGED,
		/** Has problems; never applied. */
		ERROR,
		/** Was applied to the student's record. */
		APPLIED,
		/** Would have changed something, but the import was discarded. */
		SKIPPED;

		/** NEW and UPDATE: waiting to be applied. */
		static final Set<Outcome> PENDING = EnumSet.of(NEW, UPDATE);

		boolean pending() {
			return PENDING.contains(this);
		}

	}

	/**
	 * An import's state and counters.
	 * @param validRows the rows that will be (or were) applied: NEW and UPDATE at upload
	 * @param processedRows how many of the valid rows the commit has processed so far
	 * @param appliedRows how many of them changed a student's record
	 * @param percent the progress of the commit, 0 to 100
	 * @param failureReason why a FAILED commit stopped
	 */
	public record ImportSummary(long id, String fileName, ImportStatus status, int totalRows, int validRows,
			int errorRows, int unchangedRows, int processedRows, int appliedRows, int percent, Instant createdAt,
			Instant finishedAt, String failureReason) implements ImportProgress {

		@Override
		public int doneRows() {
			return this.appliedRows;
		}

	}

	/**
	 * One row of the file as typed, with its problems (or, for an UNCHANGED row, why).
	 * @param studentId the student, only when the caller may change their record
	 * @param studentName the student's name, likewise
	 * @param changes the columns the row changes (or changed): {@code gpa}, {@code attendance}, {@code risk_level}
	 */
	public record ImportRow(int line, String rollNumber, String gpa, String attendance, String riskLevel,
			Outcome outcome, List<String> changes, List<String> problems, Long studentId, String studentName) {
	}

	/** An import with every row. */
	public record ImportPreview(ImportSummary summary, List<ImportRow> rows) implements ImportWithRows<ImportSummary> {
	}

	private final AcademicImportRepository imports;

	private final AcademicImportRowRepository rows;

	private final AcademicImportSupport support;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AcademicImports(AcademicImportRepository imports, AcademicImportRowRepository rows, AcademicImportSupport support,
			Tenancy tenancy, AuditTrail audit, JdbcTemplate jdbc, AcademicImportCommit pipeline, Clock clock) {
		super(pipeline, "STUDENT_RISK_WRITE");
		this.imports = imports;
		this.rows = rows;
		this.support = support;
		this.tenancy = tenancy;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Reads and checks an uploaded file and keeps it as a preview; nothing of a student changes. A
	 * file that is not CSV, too large, too long or without the expected header is refused as a whole
	 * (400 for the field {@code file}) and nothing is kept.
	 */
	@Override
	@Transactional
	public ImportPreview upload(String fileName, byte[] content) {
		Tenancy.Scope scope = this.tenancy.scope();
		Actor actor = this.tenancy.actor();
		List<AcademicImportFile.RawRow> raw;
		try {
			raw = AcademicImportFile.parse(content);
		}
		catch (AcademicImportFile.FileProblem problem) {
			throw new InvalidInputException("file", this.support.text(problem.key(), problem.arguments()));
		}
		BigDecimal gpaScale = this.support.gpaScale(scope.institutionId());
		List<CheckedRow> checked = check(scope, gpaScale, raw);
		int valid = (int) checked.stream().filter(row -> row.outcome().pending()).count();
		Instant now = this.clock.instant();
		AcademicImport upload = this.imports.saveAndFlush(AcademicImport.preview(scope.institutionId(),
				scope.departmentId(), actor.id(), Uploads.safeName(fileName, "upload.csv"), Uploads.sha256Hex(content),
				raw.size(), valid, now));
		this.jdbc.batchUpdate("""
				INSERT INTO academic_import_rows (import_id, line_number, roll_number, gpa, attendance, risk_level,
				                                  student_id, changed_fields, errors, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", checked.stream()
			.map(row -> new Object[] { upload.getId(), row.raw().line(), ImportRows.cut(row.raw().rollNumber(), 64),
					ImportRows.cut(row.raw().gpa(), 32), ImportRows.cut(row.raw().attendance(), 32),
					ImportRows.cut(row.raw().riskLevel(), 32),
					row.studentId(), row.changes().isEmpty() ? null : String.join(",", row.changes()),
					row.problems().isEmpty() ? null
							: ImportRows.cut(String.join(AcademicImportRow.PROBLEM_SEPARATOR, row.problems()), 2000),
					row.outcome().name() })
			.toList());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("fileName", upload.getFileName());
		after.put("fileSha256", upload.getFileSha256());
		after.put("departmentId", scope.departmentId());
		after.put("totalRows", raw.size());
		after.put("validRows", valid);
		this.audit.record(AuditRecord.change("ACADEMIC_IMPORT_UPLOADED", "academic_imports", upload.getId(), null, after));
		return preview(upload);
	}

	/** The latest imports the caller may see (an administrator: the institution's; a coordinator: their own), newest first. */
	@Override
	@Transactional(readOnly = true)
	public List<ImportSummary> recent() {
		Tenancy.Scope scope = this.tenancy.scope();
		List<AcademicImport> list = scope.wholeInstitution()
				? this.imports.findTop10ByInstitutionIdOrderByCreatedAtDescIdDesc(scope.institutionId())
				: this.imports.findTop10ByInstitutionIdAndUploadedByIdOrderByCreatedAtDescIdDesc(scope.institutionId(),
						this.tenancy.actor().id());
		return list.stream().map(this::summary).toList();
	}

	/** The caller's institution's GPA scale (4.0, 5.0, 10, ...), for the upload page. */
	@Transactional(readOnly = true)
	public String gpaScale() {
		return AcademicImportRules.plain(this.support.gpaScale(this.tenancy.institutionId()));
	}

	/** A CSV file with the header and one example row, to fill in. */
	public String template() {
		return String.join(",", AcademicImportFile.COLUMNS) + "\r\n" + "2024-CS-0042,3.25,92.5,LOW\r\n";
	}

	private record CheckedRow(AcademicImportFile.RawRow raw, Long studentId, Outcome outcome, List<String> changes,
			List<String> problems) {
	}

	/** The preview rules: the same as a change by hand, plus the roll number and duplicates within the file. */
	private List<CheckedRow> check(Tenancy.Scope scope, BigDecimal gpaScale, List<AcademicImportFile.RawRow> raw) {
		Map<String, Student> students = this.support.studentsByRollNumber(scope.institutionId(),
				raw.stream().map(AcademicImportFile.RawRow::rollNumber).filter(roll -> !roll.isEmpty()).toList());
		Map<String, List<Integer>> linesOf = new HashMap<>();
		raw.stream()
			.filter(row -> !row.rollNumber().isEmpty())
			.forEach(row -> linesOf.computeIfAbsent(row.rollNumber(), roll -> new ArrayList<>()).add(row.line()));
		List<CheckedRow> checked = new ArrayList<>(raw.size());
		for (AcademicImportFile.RawRow row : raw) {
			List<Problem> problems = new ArrayList<>();
			Student student = null;
			if (row.rollNumber().isEmpty()) {
				problems.add(Problem.of("academicImport.row.rollNumberMissing"));
			}
			else {
				List<Integer> lines = linesOf.get(row.rollNumber());
				if (lines.size() > 1) {
					problems.add(Problem.of("academicImport.row.duplicate", lines.stream()
						.filter(line -> line != row.line())
						.map(String::valueOf)
						.collect(Collectors.joining(", "))));
				}
				Student found = students.get(row.rollNumber());
				if (found == null) {
					problems.add(Problem.of("academicImport.row.noStudent"));
				}
				else if (!AcademicImportSupport.inScope(scope, null, found)) {
					problems.add(Problem.of("academicImport.row.notInDepartment"));
				}
				else {
					student = found;
				}
			}
			Values values = AcademicImportRules.values(row.gpa(), row.attendance(), row.riskLevel(), gpaScale, problems);
			List<String> changes = List.of();
			Outcome outcome;
			if (!problems.isEmpty()) {
				outcome = Outcome.ERROR;
			}
			else {
				changes = AcademicImportRules.changes(student.stored(), values);
				if (changes.isEmpty()) {
					outcome = Outcome.UNCHANGED;
					problems.add(Problem.of(row.noValues() ? "academicImport.row.nothingToChange"
							: "academicImport.row.sameValues"));
				}
				else {
					outcome = student.stored().empty() ? Outcome.NEW : Outcome.UPDATE;
				}
			}
			checked.add(new CheckedRow(row, student == null ? null : student.userId(), outcome, changes,
					problems.stream().map(this.support::text).toList()));
		}
		return checked;
	}

	/**
	 * The import with every row: students' names with the GPA, attendance and risk level of the file, a
	 * read of student risk data. Audited as {@code ACADEMIC_IMPORT_READ} when the reader is not the
	 * uploader (QUALITY S12; like {@code STUDENT_RISK_READ}, one's own upload is no disclosure).
	 */
	@Override
	@Transactional
	public ImportPreview get(long id) {
		AcademicImport upload = find(id);
		if (!Objects.equals(upload.getUploadedById(), this.tenancy.actor().id())) {
			this.audit.record(AuditRecord.of("ACADEMIC_IMPORT_READ", "academic_imports", id));
		}
		return preview(upload);
	}

	/** The import, if the caller may see it: "not found" for another institution's, or another person's for a coordinator. */
	@Override
	protected AcademicImport find(long id) {
		AcademicImport upload = this.imports.findById(id).orElseThrow(() -> new NotFoundException("Import not found"));
		this.tenancy.requireInstitution(upload.getInstitutionId(), "Import");
		if (!this.tenancy.scope().wholeInstitution() && !Objects.equals(upload.getUploadedById(), this.tenancy.actor().id())) {
			throw new NotFoundException("Import not found");
		}
		return upload;
	}

	@Override
	protected ImportPreview preview(AcademicImport upload) {
		List<AcademicImportRow> list = this.rows.findByImportIdOrderByLineNumber(upload.getId());
		Map<Long, String> names = this.support.namesOf(list.stream().map(AcademicImportRow::getStudentId).filter(Objects::nonNull).toList());
		List<ImportRow> rows = list.stream()
			.map(row -> new ImportRow(row.getLineNumber(), row.getRollNumber(), row.getGpa(), row.getAttendance(),
					row.getRiskLevel(), row.getOutcome(),
					row.getChangedFields() == null ? List.of() : Arrays.asList(row.getChangedFields().split(",")),
					row.problems(),
					row.getStudentId(), row.getStudentId() == null ? null : names.get(row.getStudentId())))
			.toList();
		return new ImportPreview(summary(upload), rows);
	}

	@Override
	protected ImportSummary summary(AcademicImport upload) {
		Map<Outcome, Integer> counts = ImportRows.countByOutcome(Outcome.class,
				this.rows.countByOutcome(upload.getId()));
		return new ImportSummary(upload.getId(), upload.getFileName(), upload.getStatus(), upload.getTotalRows(),
				upload.getValidRows(), counts.getOrDefault(Outcome.ERROR, 0), counts.getOrDefault(Outcome.UNCHANGED, 0),
				upload.getProcessedRows(), upload.getAppliedRows(), upload.percent(), upload.getCreatedAt(),
				upload.getFinishedAt(), failureReason(upload));
	}

}
