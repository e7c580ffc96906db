package org.mentorhub.identity.imports;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.imports.ImportRestController;
import org.mentorhub.platform.imports.ImportStatus;
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

/** The API twin of the CSV import pages (permission USER_IMPORT). */
@RestController
@RequestMapping("/api/v1/user-imports")
@Tag(name = "User imports", description = "Import people from CSV: upload for a preview with per-row problems, then "
		+ "commit the valid rows (they are invited in the background) or discard all. Columns: email, full_name, "
		+ "role, department_code; UTF-8; at most 2 MB and 5,000 rows. Re-importing a file creates nobody twice.")
class UserImportRestController extends ImportRestController<UserImports.ImportSummary, UserImports.ImportPreview,
		UserImportRestController.UserImportResponse, UserImportRestController.UserImportPreviewResponse> {

	UserImportRestController(UserImports imports) {
		super(imports, new Api<>("/api/v1/user-imports", UserImportFile.MAX_BYTES, UserImportResponse::of,
				UserImportPreviewResponse::of));
	}

	@GetMapping
	@Operation(summary = "The latest imports of your institution")
	List<UserImportResponse> recent() {
		return imports().recent().stream().map(this::summary).toList();
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a CSV file for a preview",
			description = "201 with every row and its problems. 400 when the file is no CSV, too large, has too "
					+ "many rows or lacks a column; nothing is kept then. 429 after too many uploads in a minute.")
	ResponseEntity<UserImportPreviewResponse> upload(@RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		return upload(file, "Send a CSV file in the multipart part 'file'.", UserImportFile.TOO_LARGE);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's state and progress",
			description = "Poll while status is COMMITTING; percent reaches 100 when every valid row is processed.")
	UserImportResponse progress(@PathVariable long id) {
		return summary(imports().progress(id));
	}

	@GetMapping("/{id}/rows")
	@Operation(summary = "An import with every row, its problems and outcome")
	UserImportPreviewResponse rows(@PathVariable long id) {
		return preview(imports().get(id));
	}

	/**
	 * An import's state and counters.
	 * @param validRows rows to import; {@code processedRows} of them are done, {@code createdRows} became accounts
	 * @param unchangedRows rows whose e-mail address already has an account
	 * @param failureReason why a FAILED import stopped; retry it to finish
	 */
	record UserImportResponse(long id, String fileName, ImportStatus status, int totalRows, int validRows,
			int invalidRows, int unchangedRows, int processedRows, int createdRows, int percent, Instant createdAt,
			Instant finishedAt, String failureReason) {

		static UserImportResponse of(UserImports.ImportSummary s) {
			return new UserImportResponse(s.id(), s.fileName(), s.status(), s.totalRows(), s.validRows(),
					s.invalidRows(), s.unchangedRows(), s.processedRows(), s.createdRows(), s.percent(), s.createdAt(),
					s.finishedAt(), s.failureReason());
		}

	}

	/** One row of the file: its line number, values, problems and outcome. */
	record UserImportRowResponse(int line, String email, String fullName, String role, String departmentCode,
			UserImports.Outcome outcome, List<String> problems, Long userId) {

		static UserImportRowResponse of(UserImports.ImportRow r) {
			return new UserImportRowResponse(r.line(), r.email(), r.fullName(), r.role(), r.departmentCode(),
					r.outcome(), r.problems(), r.userId());
		}

	}

	/** An import with every row. */
	record UserImportPreviewResponse(UserImportResponse summary, List<UserImportRowResponse> rows) {

		static UserImportPreviewResponse of(UserImports.ImportPreview p) {
			return new UserImportPreviewResponse(UserImportResponse.of(p.summary()),
					p.rows().stream().map(UserImportRowResponse::of).toList());
		}

	}

}
