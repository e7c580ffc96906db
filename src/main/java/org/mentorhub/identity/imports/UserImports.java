package org.mentorhub.identity.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.RoleName;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Uploads;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.imports.ImportProgress;
import org.mentorhub.platform.imports.ImportRows;
import org.mentorhub.platform.imports.ImportService;
import org.mentorhub.platform.imports.ImportWithRows;
import org.mentorhub.platform.imports.ImportStatus;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The identity module's API for importing people from CSV (permission {@code USER_IMPORT}). An
 * upload is checked row by row and kept as a preview; the administrator then commits it, which
 * invites the valid rows in the background (the import kit, {@link UserImportCommit}) while a progress
 * counter advances, or discards it. A commit interrupted by a restart is resumed; one that failed may
 * be retried.
 * A row whose e-mail address already has an account is UNCHANGED, so importing the same file again
 * creates nobody twice. Imports of another institution are "not found".
 */
@Service
@PreAuthorize("hasAuthority('USER_IMPORT')")
public class UserImports extends ImportService<UserImport, UserImports.ImportSummary, UserImports.ImportPreview> {

	/** At most this many uploads per person per {@link #UPLOAD_WINDOW} (QUALITY S14). */
	static final int UPLOADS_PER_WINDOW = 10;

	static final Duration UPLOAD_WINDOW = Duration.ofMinutes(1);

	static final String ALREADY_EXISTS = "An account with this e-mail address already exists.";

	/** What became of one row. */
	public enum Outcome {

		/** Valid, waiting to be imported. */
		PENDING,
		/** Has problems; never imported. */
		INVALID,
		/** Imported: the person is invited. */
		CREATED,
		/** The e-mail address already has an account; nothing was done. */
		UNCHANGED,
		/** Valid, but the import was discarded. */
		SKIPPED

	}

	/**
	 * An import's state and counters.
	 * @param validRows the rows that will be (or were) imported
	 * @param processedRows how many of the valid rows the commit has processed so far
	 * @param percent the progress of the commit, 0 to 100
	 * @param failureReason why a FAILED commit stopped
	 */
	public record ImportSummary(long id, String fileName, ImportStatus status, int totalRows, int validRows,
			int invalidRows, int unchangedRows, int processedRows, int createdRows, int percent, Instant createdAt,
			Instant finishedAt, String failureReason) implements ImportProgress {

		@Override
		public int doneRows() {
			return this.createdRows;
		}

	}

	/** One row of the file with its problems (or, for an UNCHANGED row, why). */
	public record ImportRow(int line, String email, String fullName, String role, String departmentCode,
			Outcome outcome, List<String> problems, Long userId) {
	}

	/** An import with every row. */
	public record ImportPreview(ImportSummary summary, List<ImportRow> rows) implements ImportWithRows<ImportSummary> {
	}

	private final UserImportRepository imports;

	private final UserImportRowRepository rows;

	private final Invitations invitations;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	UserImports(UserImportRepository imports, UserImportRowRepository rows, Invitations invitations,
			Organizations organizations, Tenancy tenancy, AuditTrail audit, JdbcTemplate jdbc, UserImportCommit pipeline,
			Clock clock) {
		super(pipeline, "USER_IMPORT");
		this.imports = imports;
		this.rows = rows;
		this.invitations = invitations;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Reads and checks an uploaded file and keeps it as a preview. A file that is not CSV, too large,
	 * too long or without the expected columns is refused as a whole and nothing is kept.
	 */
	@Override
	@Transactional
	public ImportPreview upload(String fileName, byte[] content) {
		long institutionId = this.tenancy.institutionId();
		long uploaderId = this.tenancy.actor().id();
		Instant now = this.clock.instant();
		if (this.imports.countByUploadedByIdAndCreatedAtAfter(uploaderId, now.minus(UPLOAD_WINDOW))
				>= UPLOADS_PER_WINDOW) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
					"You have uploaded many files in a short time. Wait a minute and try again.");
		}
		List<UserImportFile.RawRow> raw = UserImportFile.parse(content);
		List<CheckedRow> checked = check(institutionId, raw);
		int valid = (int) checked.stream().filter(row -> row.outcome() == Outcome.PENDING).count();
		UserImport upload = this.imports.saveAndFlush(UserImport.preview(institutionId, uploaderId,
				Uploads.safeName(fileName, "upload.csv"), Uploads.sha256Hex(content), raw.size(), valid, now));
		this.jdbc.batchUpdate("""
				INSERT INTO user_import_rows (import_id, line_number, email, full_name, role_name, department_code,
				                              errors, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", checked.stream()
			.map(row -> new Object[] { upload.getId(), row.line(), ImportRows.cut(row.email(), 320),
					ImportRows.cut(row.fullName(), 200), ImportRows.cut(row.role(), 32),
					ImportRows.cut(row.departmentCode(), 32),
					row.problems().isEmpty() ? null
							: ImportRows.cut(String.join(UserImportRow.PROBLEM_SEPARATOR, row.problems()), 2000),
					row.outcome().name() })
			.toList());
		this.audit.record(AuditRecord.change("USER_IMPORT_UPLOADED", "user_imports", upload.getId(), null,
				Map.of("fileName", upload.getFileName(), "fileSha256", upload.getFileSha256(), "totalRows",
						raw.size(), "validRows", valid)));
		return preview(upload);
	}

	/** The latest imports of the caller's institution, newest first. */
	@Override
	@Transactional(readOnly = true)
	public List<ImportSummary> recent() {
		return this.imports.findTop10ByInstitutionIdOrderByCreatedAtDescIdDesc(this.tenancy.institutionId())
			.stream()
			.map(this::summary)
			.toList();
	}

	/**
	 * Starts importing the valid rows in the background (409 unless the import is a preview). Each
	 * row becomes an invited account through {@link Invitations}, with the same rules and audit as an
	 * invitation made by hand; the caller's permissions go with the work.
	 */
	@Override
	@Transactional
	@PreAuthorize("hasAuthority('USER_IMPORT') and hasAuthority('USER_MANAGE')")
	public ImportSummary commit(long id) {
		return super.commit(id);
	}

	/**
	 * Starts a commit that failed (an error, or a restart) again: the rows not yet imported are
	 * invited, the others stay as they are (409 unless the import failed).
	 */
	@Override
	@Transactional
	@PreAuthorize("hasAuthority('USER_IMPORT') and hasAuthority('USER_MANAGE')")
	public ImportSummary retry(long id) {
		return super.retry(id);
	}

	private record CheckedRow(int line, String email, String fullName, String role, String departmentCode,
			Outcome outcome, List<String> problems) {
	}

	/** The preview rules: the same as an invitation's, plus duplicates within the file. */
	private List<CheckedRow> check(long institutionId, List<UserImportFile.RawRow> raw) {
		Map<String, DepartmentSummary> departments = new HashMap<>();
		this.organizations.departmentsOf(institutionId)
			.forEach(d -> departments.put(d.code().toUpperCase(Locale.ROOT), d));
		Set<String> existing = this.invitations.takenEmails(raw.stream()
			.map(row -> Invitations.normalizeEmail(row.email()))
			.filter(email -> !email.isEmpty() && email.length() <= 320)
			.distinct()
			.toList());
		Map<String, Integer> firstLineOf = new HashMap<>();
		List<CheckedRow> checked = new ArrayList<>(raw.size());
		for (UserImportFile.RawRow row : raw) {
			List<String> problems = new ArrayList<>();
			String email = Invitations.normalizeEmail(row.email());
			if (email.isEmpty()) {
				problems.add("The e-mail address is missing.");
			}
			else if (email.length() > 320 || !Invitations.EMAIL.matcher(email).matches()) {
				problems.add("'" + UserAdministration.shorten(row.email()) + "' is not a valid e-mail address.");
			}
			else {
				Integer first = firstLineOf.putIfAbsent(email, row.line());
				if (first != null) {
					problems.add("This e-mail address is already on line " + first + " of the file.");
				}
			}
			if (row.fullName().isEmpty()) {
				problems.add("The name is missing.");
			}
			else if (row.fullName().length() > 200) {
				problems.add("The name is longer than 200 characters.");
			}
			RoleName role = UserAdministration.roleOrNull(row.role());
			if (row.role().isEmpty()) {
				problems.add("The role is missing. Use ADMIN, COORDINATOR, MENTOR, MENTEE or NEW_MOTHER.");
			}
			else if (role == null) {
				problems.add(UserAdministration.unknownRoleMessage(row.role()));
			}
			else if (role == RoleName.PLATFORM_ADMIN) {
				problems.add("Platform administrators cannot be imported into an institution.");
			}
			String code = row.departmentCode().toUpperCase(Locale.ROOT);
			if (!code.isEmpty() && !departments.containsKey(code)) {
				problems.add("Unknown department code '" + UserAdministration.shorten(row.departmentCode()) + "'. "
						+ (departments.size() <= 20
								? "Use one of: " + String.join(", ", departments.keySet().stream().sorted().toList()) + "."
								: "See the codes on the departments page."));
			}
			else if (code.isEmpty() && role == RoleName.COORDINATOR) {
				problems.add("A coordinator needs a department code.");
			}
			Outcome outcome = !problems.isEmpty() ? Outcome.INVALID
					: existing.contains(email) ? Outcome.UNCHANGED : Outcome.PENDING;
			if (outcome == Outcome.UNCHANGED) {
				problems.add(ALREADY_EXISTS);
			}
			checked.add(new CheckedRow(row.line(), email.isEmpty() ? row.email() : email, row.fullName(), row.role(),
					row.departmentCode(), outcome, problems));
		}
		return checked;
	}

	@Override
	protected UserImport find(long id) {
		UserImport upload = this.imports.findById(id).orElseThrow(() -> new NotFoundException("Import not found"));
		this.tenancy.requireInstitution(upload.getInstitutionId(), "Import");
		return upload;
	}

	@Override
	protected ImportPreview preview(UserImport upload) {
		List<ImportRow> list = this.rows.findByImportIdOrderByLineNumber(upload.getId())
			.stream()
			.map(row -> new ImportRow(row.getLineNumber(), row.getEmail(), row.getFullName(), row.getRoleName(),
					row.getDepartmentCode(), row.getOutcome(),
					row.problems(),
					row.getUserId()))
			.toList();
		return new ImportPreview(summary(upload), list);
	}

	@Override
	protected ImportSummary summary(UserImport upload) {
		Map<Outcome, Integer> counts = ImportRows.countByOutcome(Outcome.class,
				this.rows.countByOutcome(upload.getId()));
		return new ImportSummary(upload.getId(), upload.getFileName(), upload.getStatus(), upload.getTotalRows(),
				upload.getValidRows(), counts.getOrDefault(Outcome.INVALID, 0), counts.getOrDefault(Outcome.UNCHANGED, 0),
				upload.getProcessedRows(), upload.getCreatedRows(), upload.percent(), upload.getCreatedAt(),
				upload.getFinishedAt(), failureReason(upload));
	}

}
