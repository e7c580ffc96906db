package org.mentorhub.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for upload tests, built in memory: a PDF, a Windows program, and OOXML zips with and without macros. */
public final class TestDocuments {

	private TestDocuments() {
	}

	/** A small PDF (its magic bytes are what counts). */
	public static byte[] pdf(String text) {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The start of a Windows program: an MZ header and a PE signature. */
	public static byte[] exe() {
		byte[] bytes = new byte[512];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		bytes[0x3c] = (byte) 0x80;
		bytes[0x80] = 'P';
		bytes[0x81] = 'E';
		return bytes;
	}

	/** A Word document (DOCX): content types naming the main document part. */
	public static byte[] docx() {
		return zip(Map.of("[Content_Types].xml", contentTypes(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
				"_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>"));
	}

	/** A macro-enabled Word document renamed .docx: a vbaProject.bin part and a macroEnabled content type. */
	public static byte[] docxWithMacros() {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"));
		parts.put("word/document.xml", "<w:document/>");
		parts.put("word/vbaProject.bin", "Attribute VB_Name = \"ThisDocument\"");
		return zip(parts);
	}

	/** A zip that claims to be a DOCX by its name only: no [Content_Types].xml. */
	public static byte[] fakeDocx() {
		return zip(Map.of("word/document.xml", "<w:document/>", "readme.txt", "not a document"));
	}

	private static String contentTypes(String main) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/word/document.xml\" ContentType=\"" + main + "\"/></Types>";
	}

	/** A zip of these parts, the first one first. */
	public static byte[] zip(Map<String, String> parts) {
		Map<String, String> ordered = new LinkedHashMap<>();
		if (parts.containsKey("[Content_Types].xml")) {
			ordered.put("[Content_Types].xml", parts.get("[Content_Types].xml"));
		}
		ordered.putAll(parts);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> part : ordered.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
