package org.mentorhub.privacy.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.mentorhub.attachment.Attachments;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.platform.CsvText;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the ZIP of one person's data: {@code README.txt}; one {@code <module>.json} per module (what it
 * holds, why, how long, and its export: table → rows); {@code csv/<module>/<table>.csv} for each table
 * with rows; and {@code files/<id>-<name>} for every file the person uploaded. Only the providers'
 * exports and the person's own uploads go in: the providers decide what is the person's (not the other
 * person's private notes; feedback about them only once shared).
 */
@Component
class ExportArchive {

	private final PrivacyProviders providers;

	private final Attachments attachments;

	private final JsonMapper json;

	ExportArchive(PrivacyProviders providers, Attachments attachments, JsonMapper json) {
		this.providers = providers;
		this.attachments = attachments;
		this.json = json;
	}

	/** How many steps {@link #write} reports: one per module, one per file. */
	int steps(long userId) {
		return this.providers.all().size() + this.attachments.uploadedBy(userId).size();
	}

	/**
	 * Writes the ZIP of the person's data to {@code out}, entry by entry, without holding it in memory: each
	 * module's JSON and CSV are serialised into the ZIP stream (one module's rows at a time are in memory, as
	 * its provider returns them) and each file is copied from the file store through a small buffer.
	 * {@code step} hears each module and file done. Closes {@code out} once the ZIP is complete.
	 */
	void write(long userId, Instant at, IntConsumer step, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			write(userId, at, step, zip);
		}
	}

	private void write(long userId, Instant at, IntConsumer step, ZipOutputStream zip) throws IOException {
		OutputStream entry = StreamUtils.nonClosing(zip);
		zip.putNextEntry(new ZipEntry("README.txt"));
		entry.write(readme(at).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		int done = 0;
		for (PrivacyProvider provider : this.providers.all()) {
			Map<String, List<Map<String, Object>>> tables = provider.export(userId);
			Map<String, Object> module = new LinkedHashMap<>();
			module.put("module", provider.module());
			module.put("what", provider.description());
			module.put("legalBasis", provider.legalBasis());
			module.put("retention", provider.retention());
			module.put("tables", tables);
			zip.putNextEntry(new ZipEntry(provider.module() + ".json"));
			this.json.writerWithDefaultPrettyPrinter().writeValue(entry, module);
			zip.closeEntry();
			for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
				if (!table.getValue().isEmpty()) {
					zip.putNextEntry(new ZipEntry("csv/" + provider.module() + "/" + table.getKey() + ".csv"));
					csv(table.getValue(), entry);
					zip.closeEntry();
				}
			}
			step.accept(++done);
		}
		Set<String> names = new LinkedHashSet<>();
		for (StoredFile file : this.attachments.uploadedBy(userId)) {
			String name = "files/" + file.id() + "-" + safe(file.fileName());
			if (names.add(name)) {
				try (Attachments.Download download = this.attachments.open(file.id());
						InputStream in = download.content()) {
					zip.putNextEntry(new ZipEntry(name));
					in.transferTo(entry);
					zip.closeEntry();
				}
				catch (org.mentorhub.platform.NotFoundException ex) {
					// The bytes are gone from the file store: the file's row is in attachment.json all the same.
				}
			}
			step.accept(++done);
		}
	}

	private static String readme(Instant at) {
		return """
				Your data in MentorHub, as of %s (UTC).

				- <module>.json: what each part of MentorHub holds about you, why (legal basis), for how long,
				  and the rows themselves (table -> rows). Secrets (password and token hashes, keys) are left out.
				- csv/<module>/<table>.csv: the same rows as CSV, one file per table, for spreadsheets.
				- files/: the files you uploaded.
				- audit.json lists what you did, and who else read your education record (GPA, attendance,
				  risk, alerts, goals, session notes): the FERPA record of disclosures.

				This download was available once, for 24 hours, and has been removed from the server.
				""".formatted(at);
	}

	/**
	 * Writes the rows as CSV (UTF-8) to {@code out}, which stays open: the union of their columns as the header,
	 * spreadsheet formulas neutralised.
	 */
	static void csv(List<Map<String, Object>> rows, OutputStream out) throws IOException {
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> columns.addAll(row.keySet()));
		Writer text = new OutputStreamWriter(StreamUtils.nonClosing(out), StandardCharsets.UTF_8);
		try (CsvWriter csv = CsvWriter.builder().build(text)) {
			csv.writeRecord(columns);
			for (Map<String, Object> row : rows) {
				List<String> cells = new ArrayList<>(columns.size());
				for (String column : columns) {
					cells.add(cell(row.get(column)));
				}
				csv.writeRecord(cells);
			}
		}
	}

	/**
	 * A value as a cell that is safe to open in a spreadsheet: text a spreadsheet would run as a formula gets a
	 * leading apostrophe (OWASP CSV injection); bytes are Base64.
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		return CsvText.safeCell(value instanceof byte[] raw ? Base64.getEncoder().encodeToString(raw) : String.valueOf(value));
	}

	/** A file name that cannot leave its folder in the ZIP. */
	static String safe(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		name = name.replaceAll("^\\.+", "_");
		if (name.isEmpty()) {
			name = "file";
		}
		return name.length() > 120 ? name.substring(name.length() - 120) : name;
	}

}
