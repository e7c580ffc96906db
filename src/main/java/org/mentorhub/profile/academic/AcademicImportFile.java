package org.mentorhub.profile.academic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.imports.ImportCsv;

/**
 * Reads an uploaded CSV file of academic data, the same way the user import reads its files (FastCSV;
 * UTF-8, a byte-order mark allowed; comma separated, or semicolon separated when the header has
 * semicolons and no commas; at most {@link #MAX_BYTES} bytes and {@link #MAX_ROWS} data rows; CSV or
 * not is decided from the content, never from the name). The header row names {@code roll_number}
 * and at least one of {@code gpa}, {@code attendance} and {@code risk_level}, in any order; any other
 * column fails the file, so that a misspelt column is not silently ignored. File-level problems fail
 * the whole upload ({@link FileProblem}, a message key of the {@code academic-import} bundle);
 * row-level problems are for the preview.
 */
final class AcademicImportFile {

	/** The largest file accepted: 2 MB. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	/** The most data rows accepted in one file. */
	static final int MAX_ROWS = 5000;

	static final String ROLL_NUMBER = "roll_number";

	static final String GPA = "gpa";

	static final String ATTENDANCE = "attendance";

	static final String RISK_LEVEL = "risk_level";

	static final List<String> COLUMNS = List.of(ROLL_NUMBER, GPA, ATTENDANCE, RISK_LEVEL);

	/** Other spellings of a column that spreadsheets of student information systems use. */
	private static final Map<String, String> ALIASES = Map.of("attendance_pct", ATTENDANCE, "attendance_percent",
			ATTENDANCE, "risk", RISK_LEVEL, "roll_no", ROLL_NUMBER);

	/**
	 * One data row as typed (cells stripped of surrounding white space); a cell of a column the file
	 * does not have is null, a blank cell is empty.
	 */
	record RawRow(int line, String rollNumber, String gpa, String attendance, String riskLevel) {

		/** Whether the row gives no value at all besides its roll number. */
		boolean noValues() {
			return isBlank(this.gpa) && isBlank(this.attendance) && isBlank(this.riskLevel);
		}

		private static boolean isBlank(String cell) {
			return cell == null || cell.isEmpty();
		}

	}

	/** A problem of the whole file: a message key of the {@code academic-import} bundle and its arguments. */
	static final class FileProblem extends RuntimeException {

		private final String key;

		private final transient Object[] arguments;

		FileProblem(String key, Object... arguments) {
			super(key, null, false, false);
			this.key = key;
			this.arguments = arguments;
		}

		String key() {
			return this.key;
		}

		Object[] arguments() {
			return this.arguments.clone();
		}

	}

	private AcademicImportFile() {
	}

	static List<RawRow> parse(byte[] content) {
		return ImportCsv.read(content, MAX_BYTES, MAX_ROWS, AcademicImportFile::header, AcademicImportFile::problem)
			.stream()
			.map(row -> new RawRow(row.line(), row.cell(ROLL_NUMBER), row.cell(GPA), row.cell(ATTENDANCE),
					row.cell(RISK_LEVEL)))
			.toList();
	}

	private static FileProblem problem(ImportCsv.Problem problem) {
		return new FileProblem(switch (problem) {
			case EMPTY -> "academicImport.file.empty";
			case TOO_LARGE -> "academicImport.file.tooLarge";
			case NOT_CSV -> "academicImport.file.notCsv";
			case NOT_UTF8 -> "academicImport.file.notUtf8";
			case TOO_MANY_ROWS -> "academicImport.file.tooManyRows";
			case NOT_VALID_CSV -> "academicImport.file.notValidCsv";
			case UNREADABLE -> "academicImport.file.unreadable";
			case NO_ROWS -> "academicImport.file.noRows";
		});
	}

	private static Map<String, Integer> header(List<String> cells) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String typed = cells.get(i).strip();
			String name = ImportCsv.columnName(typed);
			name = ALIASES.getOrDefault(name, name);
			if (typed.isEmpty()) {
				continue;
			}
			if (!COLUMNS.contains(name)) {
				unknown.add(typed.length() > 40 ? typed.substring(0, 40) + "…" : typed);
			}
			else if (columns.putIfAbsent(name, i) != null) {
				throw new FileProblem("academicImport.file.duplicateColumn", name);
			}
		}
		if (!columns.containsKey(ROLL_NUMBER)) {
			throw new FileProblem("academicImport.file.noHeader");
		}
		if (!unknown.isEmpty()) {
			throw new FileProblem("academicImport.file.unknownColumns", String.join("', '", unknown));
		}
		if (columns.size() == 1) {
			throw new FileProblem("academicImport.file.noValueColumns");
		}
		return columns;
	}

}
