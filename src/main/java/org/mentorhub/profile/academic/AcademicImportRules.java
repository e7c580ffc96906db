package org.mentorhub.profile.academic;

import org.mentorhub.profile.RiskLevel;
import org.mentorhub.profile.Profiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one row of an academic data import, without Spring: the same limits as a change made
 * by hand ({@link Profiles#updateAcademic}): GPA from 0 to the institution's scale, attendance from 0
 * to 100 %, both with at most two decimals, risk level LOW, MEDIUM or HIGH. A blank cell leaves the
 * stored value as it is. Problems are message keys of the {@code academic-import} bundle.
 */
final class AcademicImportRules {

	/** A decimal as typed: digits with an optional fraction, an optional sign (so that -1 is "out of range"). */
	private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d{1,12}(\\.\\d{0,12})?|\\.\\d{1,12})$");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** A problem of a row: a message key and its arguments (strings, so that no locale reformats them). */
	record Problem(String key, List<String> arguments) {

		static Problem of(String key, String... arguments) {
			return new Problem(key, List.of(arguments));
		}

	}

	/** The values a row sets; null leaves the stored value. */
	record Values(BigDecimal gpa, BigDecimal attendancePct, RiskLevel riskLevel) {
	}

	/** What the student's record holds now. */
	record Stored(BigDecimal gpa, BigDecimal attendancePct, RiskLevel riskLevel) {

		/** Whether no GPA or attendance was ever recorded (an import then adds, rather than updates). */
		boolean empty() {
			return this.gpa == null && this.attendancePct == null;
		}

	}

	private AcademicImportRules() {
	}

	/** The row's values, or null with the problems added when a cell is not valid. */
	static Values values(String gpaCell, String attendanceCell, String riskCell, BigDecimal gpaScale,
			List<Problem> problems) {
		int before = problems.size();
		BigDecimal gpa = gpa(gpaCell, gpaScale, problems);
		BigDecimal attendance = attendance(attendanceCell, problems);
		RiskLevel risk = riskLevel(riskCell, problems);
		return problems.size() > before ? null : new Values(gpa, attendance, risk);
	}

	static BigDecimal gpa(String cell, BigDecimal scale, List<Problem> problems) {
		if (blank(cell)) {
			return null;
		}
		BigDecimal gpa = number(cell);
		if (gpa == null) {
			problems.add(Problem.of("academicImport.row.gpaNotNumber", shorten(cell)));
			return null;
		}
		if (gpa.signum() < 0 || gpa.compareTo(scale) > 0) {
			problems.add(Problem.of("academicImport.row.gpaRange", gpa.toPlainString(), plain(scale)));
			return null;
		}
		if (gpa.stripTrailingZeros().scale() > 2) {
			problems.add(Problem.of("academicImport.row.gpaDecimals", gpa.toPlainString()));
			return null;
		}
		return gpa.setScale(2, RoundingMode.UNNECESSARY);
	}

	static BigDecimal attendance(String cell, List<Problem> problems) {
		if (blank(cell)) {
			return null;
		}
		String typed = cell.strip();
		// "92.5 %" as spreadsheets format percentages.
		if (typed.endsWith("%")) {
			typed = typed.substring(0, typed.length() - 1).strip();
		}
		BigDecimal attendance = number(typed);
		if (attendance == null) {
			problems.add(Problem.of("academicImport.row.attendanceNotNumber", shorten(cell)));
			return null;
		}
		if (attendance.signum() < 0 || attendance.compareTo(HUNDRED) > 0) {
			problems.add(Problem.of("academicImport.row.attendanceRange", attendance.toPlainString()));
			return null;
		}
		if (attendance.stripTrailingZeros().scale() > 2) {
			problems.add(Problem.of("academicImport.row.attendanceDecimals", attendance.toPlainString()));
			return null;
		}
		return attendance.setScale(2, RoundingMode.UNNECESSARY);
	}

	static RiskLevel riskLevel(String cell, List<Problem> problems) {
		if (blank(cell)) {
			return null;
		}
		try {
			return RiskLevel.valueOf(cell.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.of("academicImport.row.riskUnknown", shorten(cell)));
			return null;
		}
	}

	/** The columns whose value the row changes, in file order: {@code gpa}, {@code attendance}, {@code risk_level}. */
	static List<String> changes(Stored stored, Values values) {
		List<String> changed = new ArrayList<>(3);
		if (values.gpa() != null && !sameNumber(stored.gpa(), values.gpa())) {
			changed.add(AcademicImportFile.GPA);
		}
		if (values.attendancePct() != null && !sameNumber(stored.attendancePct(), values.attendancePct())) {
			changed.add(AcademicImportFile.ATTENDANCE);
		}
		if (values.riskLevel() != null && values.riskLevel() != stored.riskLevel()) {
			changed.add(AcademicImportFile.RISK_LEVEL);
		}
		return changed;
	}

	private static boolean sameNumber(BigDecimal stored, BigDecimal value) {
		return stored != null && stored.compareTo(value) == 0;
	}

	/** A decimal typed with a dot, or with one comma and no dot (spreadsheets of many locales). */
	private static BigDecimal number(String cell) {
		String typed = cell.strip();
		if (typed.indexOf('.') < 0 && typed.indexOf(',') == typed.lastIndexOf(',')) {
			typed = typed.replace(',', '.');
		}
		return NUMBER.matcher(typed).matches() ? new BigDecimal(typed) : null;
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static boolean blank(String cell) {
		return cell == null || cell.isBlank();
	}

	static String shorten(String text) {
		String stripped = text.strip();
		return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
	}

}
