package org.mentorhub.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.mentorhub.platform.InvalidInputException;

/**
 * Tells a Word, Excel or PowerPoint document (OOXML) from any other zip, which tika-core's magic bytes
 * cannot ({@code application/zip} or {@code application/x-tika-ooxml}): it reads the zip itself with
 * {@code java.util.zip}, bounded (at most {@link #MAX_ENTRIES} entries and {@link #MAX_UNCOMPRESSED}
 * bytes inflated in all, so a zip bomb stops early), and takes the type from the main part declared in
 * {@code [Content_Types].xml}. Macros are refused: a {@code vbaProject.bin} part, or any macro-enabled
 * content type ({@code .docm}, {@code .xlsm}, {@code .pptm} and their templates). The XML is searched
 * with a regular expression, never handed to an XML parser, so no entity is ever expanded.
 */
final class OfficeDocuments {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	/** The document types this class can tell, by the content type of their main part. */
	private static final Map<String, String> MAIN_PARTS = Map.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DOCX,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", XLSX,
			"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", PPTX);

	static final Set<String> TYPES = Set.of(DOCX, XLSX, PPTX);

	/** What tika-core's magic reports for a zip (an OOXML document is one). */
	static final Set<String> ZIPS = Set.of("application/zip", "application/x-tika-ooxml");

	static final int MAX_ENTRIES = 1_000;

	static final long MAX_UNCOMPRESSED = 100L * 1024 * 1024;

	private static final int MAX_CONTENT_TYPES = 1024 * 1024;

	private static final Pattern CONTENT_TYPE = Pattern.compile("ContentType\\s*=\\s*[\"']([^\"']{1,255})[\"']");

	private OfficeDocuments() {
	}

	/**
	 * The OOXML type of a zip, or a 400 naming {@code field}: not a Word, Excel or PowerPoint
	 * document, with macros, too many entries or too large once unpacked, or unreadable.
	 */
	static String typeOf(byte[] zip, String field) {
		byte[] contentTypes = null;
		int entries = 0;
		long inflated = 0;
		byte[] buffer = new byte[8192];
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw refused(field, "it holds more than " + MAX_ENTRIES + " parts");
				}
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
					throw macros(field);
				}
				boolean keep = name.equals("[Content_Types].xml");
				ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
				int read;
				while ((read = in.read(buffer)) != -1) {
					inflated += read;
					if (inflated > MAX_UNCOMPRESSED) {
						throw refused(field, "it is larger than " + Attachments.megabytes(MAX_UNCOMPRESSED) + " unpacked");
					}
					if (kept != null) {
						if (kept.size() + read > MAX_CONTENT_TYPES) {
							throw refused(field, "its list of parts is too large");
						}
						kept.write(buffer, 0, read);
					}
				}
				if (kept != null) {
					contentTypes = kept.toByteArray();
				}
			}
		}
		catch (ZipException ex) {
			throw refused(field, "it is not a readable zip");
		}
		catch (IOException ex) {
			throw refused(field, "it could not be read");
		}
		if (contentTypes == null) {
			throw new InvalidInputException(field, "This file is not an allowed type: it is a zip archive, not a Word, "
					+ "Excel or PowerPoint document, and archives are not accepted.");
		}
		Set<String> declared = new LinkedHashSet<>();
		Matcher matcher = CONTENT_TYPE.matcher(new String(contentTypes, StandardCharsets.UTF_8));
		while (matcher.find()) {
			declared.add(matcher.group(1).strip().toLowerCase(Locale.ROOT));
		}
		if (declared.stream().anyMatch(type -> type.contains("macroenabled") || type.contains("vbaproject"))) {
			throw macros(field);
		}
		Set<String> found = new LinkedHashSet<>();
		MAIN_PARTS.forEach((part, type) -> {
			if (declared.contains(part)) {
				found.add(type);
			}
		});
		if (found.size() != 1) {
			throw new InvalidInputException(field, "This file is not an allowed type: it is a zip archive but not a "
					+ "Word, Excel or PowerPoint document (DOCX, XLSX, PPTX).");
		}
		return found.iterator().next();
	}

	private static InvalidInputException macros(String field) {
		return new InvalidInputException(field, "This document contains macros, which are not accepted. Save it as a "
				+ "document without macros (DOCX, XLSX or PPTX) and upload it again.");
	}

	private static InvalidInputException refused(String field, String why) {
		return new InvalidInputException(field, "This file is refused: " + why + ".");
	}

}
