package org.mentorhub.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.mentorhub.platform.CsvText;

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
		if (content == null || content.length == 0) {
			throw new FileProblem("academicImport.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new FileProblem("academicImport.file.tooLarge");
		}
		String text = decode(content);
		char separator = CsvText.separatorOf(text);
		List<RawRow> rows = new ArrayList<>();
		Map<String, Integer> columns = null;
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.allowUnclosedQuote(false)
			.ofCsvRecord(text)) {
			for (CsvRecord record : reader) {
				if (isBlank(record)) {
					continue;
				}
				if (columns == null) {
					columns = header(record);
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					throw new FileProblem("academicImport.file.tooManyRows");
				}
				rows.add(new RawRow((int) record.getStartingLineNumber(), cell(record, columns.get(ROLL_NUMBER)),
						cell(record, columns.get(GPA)), cell(record, columns.get(ATTENDANCE)),
						cell(record, columns.get(RISK_LEVEL))));
			}
		}
		catch (CsvParseException ex) {
			throw new FileProblem("academicImport.file.notValidCsv");
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			throw new FileProblem("academicImport.file.unreadable");
		}
		if (columns == null) {
			throw new FileProblem("academicImport.file.empty");
		}
		if (rows.isEmpty()) {
			throw new FileProblem("academicImport.file.noRows");
		}
		return rows;
	}

	/** The upload's text, decided from its content ({@link CsvText}). */
	private static String decode(byte[] content) {
		try {
			return CsvText.of(content);
		}
		catch (CsvText.Unreadable ex) {
			throw new FileProblem(ex.reason() == CsvText.Reason.NOT_CSV ? "academicImport.file.notCsv"
					: "academicImport.file.notUtf8");
		}
	}

	private static Map<String, Integer> header(CsvRecord record) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String typed = record.getField(i).strip();
			String name = typed.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
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

	private static boolean isBlank(CsvRecord record) {
		return record.getFields().stream().allMatch(String::isBlank);
	}

	private static String cell(CsvRecord record, Integer index) {
		if (index == null) {
			return null;
		}
		return index < record.getFieldCount() ? record.getField(index).strip() : "";
	}

}
