package org.mentorhub.profile.academic;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.imports.ImportRestController;
import org.mentorhub.platform.imports.ImportStatus;
import org.mentorhub.platform.RateLimited;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The API twin of the academic data import pages (permission STUDENT_RISK_WRITE). */
@RestController
@RequestMapping("/api/v1/academic-imports")
@Tag(name = "Academic imports", description = "Import students' GPA, attendance and risk level from a CSV export of "
		+ "the student information system: upload for a preview with every row's outcome (NEW, UPDATE, UNCHANGED, "
		+ "ERROR) and problems, then commit (the rows are applied in the background) or discard. Columns: "
		+ "roll_number (required), gpa, attendance, risk_level; a blank cell leaves the value unchanged; UTF-8; at "
		+ "most 2 MB and 5,000 rows. Administrators import for their institution, coordinators for their "
		+ "department. Importing the same file twice changes nothing the second time.")
class AcademicImportRestController extends ImportRestController<AcademicImports.ImportSummary,
		AcademicImports.ImportPreview, AcademicImportRestController.AcademicImportResponse,
		AcademicImportRestController.AcademicImportPreviewResponse> {

	private final MessageSource messages;

	AcademicImportRestController(AcademicImports imports, MessageSource messages) {
		super(imports, new Api<>("/api/v1/academic-imports", AcademicImportFile.MAX_BYTES, AcademicImportResponse::of,
				AcademicImportPreviewResponse::of));
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The latest academic imports you may see",
			description = "An administrator's: the institution's; a coordinator's: their own.")
	List<AcademicImportResponse> recent() {
		return imports().recent().stream().map(this::summary).toList();
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimited(name = "academic-import-upload", capacity = AcademicImportPageController.UPLOADS_PER_PERIOD,
			per = AcademicImportPageController.UPLOAD_PERIOD)
	@Operation(summary = "Upload a CSV file of academic data for a preview",
			description = "201 with every row, its outcome and problems; nothing of a student changes yet. 400 when "
					+ "the file is no CSV, too large, has too many rows, no header or an unknown column; nothing is "
					+ "kept then. 429 after too many uploads in a minute.")
	ResponseEntity<AcademicImportPreviewResponse> upload(
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return upload(file, text("academicImport.file.send"), text("academicImport.file.tooLarge"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An academic import with every row, its outcome and problems")
	AcademicImportPreviewResponse get(@PathVariable long id) {
		return preview(imports().get(id));
	}

	@GetMapping("/{id}/progress")
	@Operation(summary = "An academic import's state and progress, without its rows",
			description = "Poll while status is COMMITTING; percent reaches 100 when every row to apply is processed.")
	AcademicImportResponse progress(@PathVariable long id) {
		return summary(imports().progress(id));
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	/**
	 * An import's state and counters.
	 * @param validRows rows to apply (NEW and UPDATE at upload); {@code processedRows} of them are done,
	 * {@code appliedRows} changed a student's record
	 * @param errorRows rows with problems
	 * @param unchangedRows rows whose values the records already hold
	 * @param failureReason why a FAILED import stopped; retry it to finish
	 */
	record AcademicImportResponse(long id, String fileName, ImportStatus status, int totalRows,
			int validRows, int errorRows, int unchangedRows, int processedRows, int appliedRows, int percent,
			Instant createdAt, Instant finishedAt, String failureReason) {

		static AcademicImportResponse of(AcademicImports.ImportSummary s) {
			return new AcademicImportResponse(s.id(), s.fileName(), s.status(), s.totalRows(), s.validRows(),
					s.errorRows(), s.unchangedRows(), s.processedRows(), s.appliedRows(), s.percent(), s.createdAt(),
					s.finishedAt(), s.failureReason());
		}

	}

	/**
	 * One row of the file: its line number, values as typed, outcome, the columns it changes and its problems.
	 * @param studentId the student, when you may change their record
	 */
	record AcademicImportRowResponse(int line, String rollNumber, String gpa, String attendance, String riskLevel,
			AcademicImports.Outcome outcome, List<String> changes, List<String> problems, Long studentId,
			String studentName) {

		static AcademicImportRowResponse of(AcademicImports.ImportRow r) {
			return new AcademicImportRowResponse(r.line(), r.rollNumber(), r.gpa(), r.attendance(), r.riskLevel(),
					r.outcome(), r.changes(), r.problems(), r.studentId(), r.studentName());
		}

	}

	/** An import with every row. */
	record AcademicImportPreviewResponse(AcademicImportResponse summary, List<AcademicImportRowResponse> rows) {

		static AcademicImportPreviewResponse of(AcademicImports.ImportPreview p) {
			return new AcademicImportPreviewResponse(AcademicImportResponse.of(p.summary()),
					p.rows().stream().map(AcademicImportRowResponse::of).toList());
		}

	}

}
