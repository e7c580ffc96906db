package org.mentorhub.attachment;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.mentorhub.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telling Word, Excel and PowerPoint documents from other zips, and refusing macros and zip bombs, without Spring. */
class OfficeDocumentsTests {

	static byte[] office(String mainContentType, String part) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", "<Types><Override PartName=\"/" + part + "\" ContentType='" + mainContentType
				+ "'/></Types>");
		parts.put(part, "<x/>");
		return TestDocuments.zip(parts);
	}

	@Test
	void wordExcelAndPowerPointAreToldByTheirMainPart() {
		assertThat(OfficeDocuments.typeOf(TestDocuments.docx(), "file")).isEqualTo(OfficeDocuments.DOCX);
		assertThat(OfficeDocuments.typeOf(office(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"), "file"))
			.isEqualTo(OfficeDocuments.XLSX);
		assertThat(OfficeDocuments.typeOf(office(
				"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
				"ppt/presentation.xml"), "file"))
			.isEqualTo(OfficeDocuments.PPTX);
	}

	@Test
	void macrosAreRefusedByPartAndByContentType() {
		assertThatThrownBy(() -> OfficeDocuments.typeOf(TestDocuments.docxWithMacros(), "file"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("macros");
		assertThatThrownBy(() -> OfficeDocuments.typeOf(
				office("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xl/workbook.xml"), "file"))
			.hasMessageContaining("macros");
		Map<String, String> hidden = new LinkedHashMap<>();
		hidden.put("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\""
				+ "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
		hidden.put("word/VBAPROJECT.BIN", "macro");
		assertThatThrownBy(() -> OfficeDocuments.typeOf(TestDocuments.zip(hidden), "file")).hasMessageContaining("macros");
	}

	@Test
	void otherZipsAndBrokenOnesAreRefused() {
		assertThatThrownBy(() -> OfficeDocuments.typeOf(TestDocuments.fakeDocx(), "file"))
			.hasMessageContaining("not a Word, Excel or PowerPoint");
		assertThatThrownBy(() -> OfficeDocuments.typeOf(office("application/vnd.oasis.opendocument.text", "content.xml"),
				"file"))
			.hasMessageContaining("not a Word, Excel or PowerPoint");
		byte[] docx = TestDocuments.docx();
		byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 2);
		assertThatThrownBy(() -> OfficeDocuments.typeOf(truncated, "file")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aZipBombStopsAtTheLimitsOfEntriesAndOfUnpackedBytes() throws Exception {
		Map<String, String> many = new LinkedHashMap<>();
		for (int i = 0; i <= OfficeDocuments.MAX_ENTRIES; i++) {
			many.put("part" + i + ".xml", "<x/>");
		}
		assertThatThrownBy(() -> OfficeDocuments.typeOf(TestDocuments.zip(many), "file"))
			.hasMessageContaining("more than " + OfficeDocuments.MAX_ENTRIES + " parts");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("zeros.bin"));
			byte[] zeros = new byte[1024 * 1024];
			for (long written = 0; written <= OfficeDocuments.MAX_UNCOMPRESSED; written += zeros.length) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(out.size()).as("the bomb is small packed").isLessThan(1024 * 1024);
		assertThatThrownBy(() -> OfficeDocuments.typeOf(out.toByteArray(), "file"))
			.hasMessageContaining("larger than 100 MB unpacked");
	}

}
