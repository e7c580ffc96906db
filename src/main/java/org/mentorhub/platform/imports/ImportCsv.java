package org.mentorhub.platform.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.mentorhub.platform.CsvText;

/**
 * Reads an uploaded import file the one way every import does: UTF-8 text decided from its content
 * ({@link CsvText}), comma or semicolon separated, blank lines skipped, a header row and at most
 * {@code maxRows} data rows in at most {@code maxBytes} bytes. The module names the columns it reads
 * from the header, and turns each {@link Problem} of the whole file into its own exception and message.
 */
public final class ImportCsv {

	/** What makes a whole file unreadable; the module says it in its own words. */
	public enum Problem {

		/** No content, or no header row. */
		EMPTY,
		/** More than the module's largest number of bytes. */
		TOO_LARGE,
		/** Not text at all. */
		NOT_CSV,
		/** Text, but not UTF-8. */
		NOT_UTF8,
		/** More data rows than the module accepts. */
		TOO_MANY_ROWS,
		/** Broken quoting. */
		NOT_VALID_CSV,
		/** The content could not be read. */
		UNREADABLE,
		/** A header row, but no data rows. */
		NO_ROWS

	}

	/**
	 * One data row: its line number and its cells by column name, stripped of surrounding white space.
	 */
	public record Row(int line, Map<String, Integer> columns, List<String> cells) {

		/** The cell of a column: empty when the row is short of it, null when the file has no such column. */
		public String cell(String column) {
			Integer index = this.columns.get(column);
			if (index == null) {
				return null;
			}
			return index < this.cells.size() ? this.cells.get(index).strip() : "";
		}

	}

	private ImportCsv() {
	}

	/**
	 * The data rows of a file.
	 * @param header the column names the module reads, with their index, from the header row's cells
	 * (it throws the module's own exception for a header it refuses)
	 * @param problem the module's exception for a problem of the whole file
	 */
	public static List<Row> read(byte[] content, int maxBytes, int maxRows,
			Function<List<String>, Map<String, Integer>> header, Function<Problem, RuntimeException> problem) {
		if (content == null || content.length == 0) {
			throw problem.apply(Problem.EMPTY);
		}
		if (content.length > maxBytes) {
			throw problem.apply(Problem.TOO_LARGE);
		}
		String text = decode(content, problem);
		List<Row> rows = new ArrayList<>();
		Map<String, Integer> columns = null;
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(CsvText.separatorOf(text))
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.allowUnclosedQuote(false)
			.ofCsvRecord(text)) {
			for (CsvRecord record : reader) {
				if (record.getFields().stream().allMatch(String::isBlank)) {
					continue;
				}
				if (columns == null) {
					columns = Map.copyOf(header.apply(record.getFields()));
					continue;
				}
				if (rows.size() == maxRows) {
					throw problem.apply(Problem.TOO_MANY_ROWS);
				}
				rows.add(new Row((int) record.getStartingLineNumber(), columns, record.getFields()));
			}
		}
		catch (CsvParseException ex) {
			throw problem.apply(Problem.NOT_VALID_CSV);
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			throw problem.apply(Problem.UNREADABLE);
		}
		if (columns == null) {
			throw problem.apply(Problem.EMPTY);
		}
		if (rows.isEmpty()) {
			throw problem.apply(Problem.NO_ROWS);
		}
		return rows;
	}

	/** A header cell as a column name: lower case, with spaces and hyphens as underscores. */
	public static String columnName(String typed) {
		return typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
	}

	private static String decode(byte[] content, Function<Problem, RuntimeException> problem) {
		try {
			return CsvText.of(content);
		}
		catch (CsvText.Unreadable ex) {
			throw problem.apply(ex.reason() == CsvText.Reason.NOT_CSV ? Problem.NOT_CSV : Problem.NOT_UTF8);
		}
	}

}
