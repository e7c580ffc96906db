package org.mentorhub.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.mentorhub.platform.CsvText;
import org.mentorhub.platform.InvalidInputException;

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
		if (content == null || content.length == 0) {
			throw problem("The file is empty. Choose a CSV file with a header row and one row per person.");
		}
		if (content.length > MAX_BYTES) {
			throw problem(TOO_LARGE);
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
					throw problem("The file has more than 5,000 rows. Split it into smaller files and upload them "
							+ "one by one.");
				}
				rows.add(new RawRow((int) record.getStartingLineNumber(), cell(record, columns.get("email")),
						cell(record, columns.get("full_name")), cell(record, columns.get("role")),
						cell(record, columns.get("department_code"))));
			}
		}
		catch (CsvParseException ex) {
			throw problem("The file is not valid CSV (check the quotes around values). Save it from your spreadsheet "
					+ "as 'CSV UTF-8' and try again.");
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			throw problem("The file could not be read. Save it as 'CSV UTF-8' and try again.");
		}
		if (columns == null) {
			throw problem("The file is empty. Choose a CSV file with a header row and one row per person.");
		}
		if (rows.isEmpty()) {
			throw problem("The file has a header row but no people. Add one row per person below the header.");
		}
		return rows;
	}

	/** The upload's text, decided from its content ({@link CsvText}). */
	private static String decode(byte[] content) {
		try {
			return CsvText.of(content);
		}
		catch (CsvText.Unreadable ex) {
			throw problem(ex.reason() == CsvText.Reason.NOT_CSV
					? "This is not a CSV file. Save your spreadsheet as 'CSV UTF-8' and upload that file."
					: "The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8' and try again.");
		}
	}

	private static Map<String, Integer> header(CsvRecord record) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String name = record.getField(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
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

	private static boolean isBlank(CsvRecord record) {
		return record.getFields().stream().allMatch(String::isBlank);
	}

	private static String cell(CsvRecord record, int index) {
		return index < record.getFieldCount() ? record.getField(index).strip() : "";
	}

	private static InvalidInputException problem(String message) {
		return new InvalidInputException("file", message);
	}

}
