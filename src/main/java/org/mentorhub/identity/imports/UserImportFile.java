package org.mentorhub.identity.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.imports.ImportCsv;

/**
 * Reads an uploaded CSV file of people: UTF-8 text (a byte-order mark is allowed), a header row
 * naming the columns {@code email}, {@code full_name}, {@code role} and {@code department_code} in
 * any order (extra columns are ignored), comma or semicolon separated, at most
 * {@link #MAX_BYTES} bytes and {@link #MAX_ROWS} data rows. Whether a file is CSV is decided from
 * its content, never from its name. File-level problems fail the whole upload with a clear
 * message for the field {@code file}; row-level problems are for the preview.
 */
final class UserImportFile {

	/** The largest file accepted: 2 MB. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final String TOO_LARGE = "The file is larger than 2 MB. Split it into smaller files and upload them one by one.";

	/** The most data rows accepted in one file. */
	static final int MAX_ROWS = 5000;

	static final List<String> COLUMNS = List.of("email", "full_name", "role", "department_code");

	/** One data row as typed (cells stripped of surrounding white space). */
	record RawRow(int line, String email, String fullName, String role, String departmentCode) {
	}

	private UserImportFile() {
	}

	static List<RawRow> parse(byte[] content) {
		return ImportCsv.read(content, MAX_BYTES, MAX_ROWS, UserImportFile::header, UserImportFile::problem)
			.stream()
			.map(row -> new RawRow(row.line(), row.cell("email"), row.cell("full_name"), row.cell("role"),
					row.cell("department_code")))
			.toList();
	}

	private static Map<String, Integer> header(List<String> cells) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = ImportCsv.columnName(cells.get(i));
			if (COLUMNS.contains(name) && !columns.containsKey(name)) {
				columns.put(name, i);
			}
		}
		List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			throw problem("The first row must name the columns email, full_name, role and department_code. Missing: "
					+ String.join(", ", missing) + ".");
		}
		return columns;
	}

	private static InvalidInputException problem(ImportCsv.Problem problem) {
		return problem(switch (problem) {
			case EMPTY -> "The file is empty. Choose a CSV file with a header row and one row per person.";
			case TOO_LARGE -> TOO_LARGE;
			case NOT_CSV -> "This is not a CSV file. Save your spreadsheet as 'CSV UTF-8' and upload that file.";
			case NOT_UTF8 -> "The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8' and try again.";
			case TOO_MANY_ROWS ->
				"The file has more than 5,000 rows. Split it into smaller files and upload them one by one.";
			case NOT_VALID_CSV -> "The file is not valid CSV (check the quotes around values). Save it from your "
					+ "spreadsheet as 'CSV UTF-8' and try again.";
			case UNREADABLE -> "The file could not be read. Save it as 'CSV UTF-8' and try again.";
			case NO_ROWS -> "The file has a header row but no people. Add one row per person below the header.";
		});
	}

	private static InvalidInputException problem(String message) {
		return new InvalidInputException("file", message);
	}

}
