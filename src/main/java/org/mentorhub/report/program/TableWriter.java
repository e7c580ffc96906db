package org.mentorhub.report.program;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an export row by row to a stream, as CSV (RFC 4180, UTF-8) or XLSX (fastexcel, strings
 * inline and each thousand rows flushed, so memory stays constant whatever the number of rows).
 * Texts that a spreadsheet would run as a formula are defused with a leading apostrophe in both.
 */
abstract class TableWriter implements AutoCloseable {

	/** The export formats. */
	enum Format {

		CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		final String mediaType;

		final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		/** The format named by {@code csv} or {@code xlsx} (any case); null for anything else. */
		static Format of(String name) {
			if (name == null) {
				return null;
			}
			return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
				case "csv" -> CSV;
				case "xlsx" -> XLSX;
				default -> null;
			};
		}

	}

	static TableWriter open(Format format, OutputStream out, String sheet) {
		return format == Format.CSV ? new Csv(out) : new Xlsx(out, sheet);
	}

	/** Writes one row; cells are texts, numbers or null. */
	abstract void row(List<?> cells);

	@Override
	public abstract void close();

	static String defused(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static final class Csv extends TableWriter {

		private final Writer writer;

		private final CsvWriter csv;

		Csv(OutputStream out) {
			this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.csv = CsvWriter.builder().build(this.writer);
		}

		@Override
		void row(List<?> cells) {
			this.csv.writeRecord(cells.stream().map(c -> c == null ? "" : c instanceof String s ? defused(s) : c.toString())
				.toList());
		}

		@Override
		public void close() {
			try {
				this.csv.flush();
				this.writer.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private static final class Xlsx extends TableWriter {

		private final Workbook workbook;

		private final Worksheet sheet;

		private int row;

		Xlsx(OutputStream out, String sheet) {
			this.workbook = new Workbook(out, "MentorHub", "1.0");
			this.sheet = this.workbook.newWorksheet(sheet);
		}

		@Override
		void row(List<?> cells) {
			for (int c = 0; c < cells.size(); c++) {
				Object cell = cells.get(c);
				if (cell instanceof Number n) {
					this.sheet.value(this.row, c, n);
				}
				else if (cell != null) {
					this.sheet.inlineString(this.row, c, defused(cell.toString()));
				}
			}
			this.row++;
			if (this.row % 1000 == 0) {
				try {
					this.sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		public void close() {
			try {
				this.sheet.finish();
				this.workbook.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
