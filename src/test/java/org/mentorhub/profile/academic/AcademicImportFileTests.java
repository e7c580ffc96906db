package org.mentorhub.profile.academic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.profile.RiskLevel;
import org.mentorhub.profile.academic.AcademicImportRules.Problem;
import org.mentorhub.profile.academic.AcademicImportRules.Stored;
import org.mentorhub.profile.academic.AcademicImportRules.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading academic data files and the rules of one row, without Spring. */
class AcademicImportFileTests {

	static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String problemOf(String text) {
		try {
			AcademicImportFile.parse(csv(text));
		}
		catch (AcademicImportFile.FileProblem problem) {
			return problem.key();
		}
		return null;
	}

	@Test
	void readsTheColumnsByTheirHeaderInAnyOrderWithLineNumbers() {
		List<AcademicImportFile.RawRow> rows = AcademicImportFile.parse(csv("""
				Risk Level,GPA,Roll-Number,attendance_pct
				high, 3.5 ,2024-CS-0042,"92,5"

				,,2024-CS-0043
				"""));

		assertThat(rows).containsExactly(new AcademicImportFile.RawRow(2, "2024-CS-0042", "3.5", "92,5", "high"),
				new AcademicImportFile.RawRow(4, "2024-CS-0043", "", "", ""));
		assertThat(rows.get(1).noValues()).isTrue();
	}

	@Test
	void aColumnTheFileDoesNotHaveIsNullAndAByteOrderMarkAndSemicolonsAreFine() {
		List<AcademicImportFile.RawRow> rows = AcademicImportFile.parse(csv("\uFEFFroll_number;gpa\r\n2024-CS-0042;3,25\r\n"));

		assertThat(rows).containsExactly(new AcademicImportFile.RawRow(2, "2024-CS-0042", "3,25", null, null));
	}

	@Test
	void fileProblemsFailTheWholeFile() {
		assertThat(problemOf("")).isEqualTo("academicImport.file.empty");
		assertThat(problemOf("2024-CS-0042,3.5\n")).isEqualTo("academicImport.file.noHeader");
		assertThat(problemOf("roll_number,gpa,notes\n2024-CS-0042,3.5,x\n")).isEqualTo("academicImport.file.unknownColumns");
		assertThat(problemOf("roll_number\n2024-CS-0042\n")).isEqualTo("academicImport.file.noValueColumns");
		assertThat(problemOf("roll_number,gpa,Gpa\n2024-CS-0042,3.5,3.5\n")).isEqualTo("academicImport.file.duplicateColumn");
		assertThat(problemOf("roll_number,gpa\n")).isEqualTo("academicImport.file.noRows");
		assertThat(problemOf("roll_number,gpa\n\"2024-CS-0042,3.5\n")).isEqualTo("academicImport.file.notValidCsv");
		assertThat(problemOf("%PDF-1.4 roll_number,gpa")).isEqualTo("academicImport.file.notCsv");
		assertThatThrownBy(() -> AcademicImportFile.parse(new byte[] { 'r', ',', 'g', '\n', (byte) 0xE9, '\n' }))
			.isInstanceOfSatisfying(AcademicImportFile.FileProblem.class,
					problem -> assertThat(problem.key()).isEqualTo("academicImport.file.notUtf8"));
		StringBuilder tooLong = new StringBuilder("roll_number,gpa\n");
		for (int i = 0; i <= AcademicImportFile.MAX_ROWS; i++) {
			tooLong.append('R').append(i).append(",3\n");
		}
		assertThat(problemOf(tooLong.toString())).isEqualTo("academicImport.file.tooManyRows");
	}

	@Test
	void valuesFollowTheRulesOfAChangeByHand() {
		BigDecimal scale = new BigDecimal("4.00");
		List<Problem> problems = new ArrayList<>();

		assertThat(AcademicImportRules.values("3,5", "92.5 %", "medium", scale, problems))
			.isEqualTo(new Values(new BigDecimal("3.50"), new BigDecimal("92.50"), RiskLevel.MEDIUM));
		assertThat(AcademicImportRules.values("", " ", null, scale, problems)).isEqualTo(new Values(null, null, null));
		assertThat(AcademicImportRules.values("4", "0", "LOW", scale, problems)).isNotNull();
		assertThat(AcademicImportRules.values("3.500", "100.00", "LOW", scale, problems)).isNotNull();
		assertThat(problems).isEmpty();

		assertThat(keysOf("4.5", null, null, scale)).containsExactly("academicImport.row.gpaRange");
		assertThat(keysOf("-1", null, null, scale)).containsExactly("academicImport.row.gpaRange");
		assertThat(keysOf("abc", null, null, scale)).containsExactly("academicImport.row.gpaNotNumber");
		assertThat(keysOf("1e2", null, null, scale)).containsExactly("academicImport.row.gpaNotNumber");
		assertThat(keysOf("3.333", null, null, scale)).containsExactly("academicImport.row.gpaDecimals");
		assertThat(keysOf("9.5", null, null, new BigDecimal("10"))).isEmpty();
		assertThat(keysOf(null, "101", null, scale)).containsExactly("academicImport.row.attendanceRange");
		assertThat(keysOf(null, "ninety", null, scale)).containsExactly("academicImport.row.attendanceNotNumber");
		assertThat(keysOf(null, "90.125", null, scale)).containsExactly("academicImport.row.attendanceDecimals");
		assertThat(keysOf(null, null, "CRITICAL", scale)).containsExactly("academicImport.row.riskUnknown");
		assertThat(keysOf("5", "200", "X", scale)).hasSize(3);
	}

	static List<String> keysOf(String gpa, String attendance, String risk, BigDecimal scale) {
		List<Problem> problems = new ArrayList<>();
		Values values = AcademicImportRules.values(gpa, attendance, risk, scale, problems);
		assertThat(values == null).isEqualTo(!problems.isEmpty());
		return problems.stream().map(Problem::key).toList();
	}

	@Test
	void onlyValuesThatDifferFromTheStoredOnesAreChanges() {
		Stored stored = new Stored(new BigDecimal("3.10"), null, RiskLevel.LOW);

		assertThat(AcademicImportRules.changes(stored, new Values(new BigDecimal("3.1"), null, RiskLevel.LOW))).isEmpty();
		assertThat(AcademicImportRules.changes(stored, new Values(null, null, null))).isEmpty();
		assertThat(AcademicImportRules.changes(stored, new Values(new BigDecimal("3.2"), BigDecimal.ZERO, RiskLevel.HIGH)))
			.containsExactly("gpa", "attendance", "risk_level");
		assertThat(stored.empty()).isFalse();
		assertThat(new Stored(null, null, RiskLevel.LOW).empty()).isTrue();
	}

}
