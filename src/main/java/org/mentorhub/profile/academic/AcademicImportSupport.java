package org.mentorhub.profile.academic;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mentorhub.profile.RiskLevel;
import org.mentorhub.identity.People;
import org.mentorhub.organization.InstitutionDetails;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.academic.AcademicImportRules.Problem;
import org.mentorhub.profile.academic.AcademicImportRules.Stored;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the preview ({@link AcademicImports}) and the background commit ({@link AcademicImportCommit})
 * both need: students by roll number, the institution's GPA scale, who is in an import's scope, and
 * the texts of problems. Accounts are read through identity's read contract: the {@code identity_people}
 * view and {@link People}.
 */
@Component
class AcademicImportSupport {

	static final BigDecimal DEFAULT_GPA_SCALE = new BigDecimal("4.00");

	/** A student of the institution with an academic record. */
	record Student(long userId, String rollNumber, Long institutionId, Long departmentId, BigDecimal gpa,
			BigDecimal attendancePct, String riskLevel) {

		Stored stored() {
			return new Stored(this.gpa, this.attendancePct,
					this.riskLevel == null ? null : RiskLevel.valueOf(this.riskLevel));
		}

	}

	private static final String STUDENTS = """
			SELECT sp.user_id, sp.roll_number, u.institution_id, u.department_id, sp.gpa, sp.attendance_pct,
			       sp.risk_level
			FROM student_profiles sp JOIN identity_people u ON u.id = sp.user_id""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final MessageSource messages;

	private final People people;

	AcademicImportSupport(JdbcClient jdbc, Organizations organizations, MessageSource messages, People people) {
		this.jdbc = jdbc;
		this.people = people;
		this.organizations = organizations;
		this.messages = messages;
	}

	/** The students of the institution with these roll numbers (exact spelling, on every database). */
	Map<String, Student> studentsByRollNumber(long institutionId, List<String> rollNumbers) {
		List<String> distinct = rollNumbers.stream().filter(roll -> roll.length() <= 32).distinct().toList();
		Map<String, Student> found = new HashMap<>();
		for (int from = 0; from < distinct.size(); from += 500) {
			List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
			this.jdbc.sql(STUDENTS + " WHERE u.institution_id = :institution AND sp.roll_number IN (:rolls)")
				.param("institution", institutionId)
				.param("rolls", chunk)
				.query(Student.class)
				.list()
				.stream()
				// A case-insensitive collation (MariaDB) may match another spelling; only the exact one counts.
				.filter(student -> chunk.contains(student.rollNumber()))
				.forEach(student -> found.put(student.rollNumber(), student));
		}
		return found;
	}

	/** The student's record as it is now. */
	Optional<Student> student(long userId) {
		return this.jdbc.sql(STUDENTS + " WHERE sp.user_id = :id").param("id", userId).query(Student.class).optional();
	}

	/** The names of these accounts, by id. */
	Map<Long, String> namesOf(List<Long> userIds) {
		return this.people.names(userIds);
	}

	/**
	 * Whether an import may change the student's record: a student of the institution and, for a
	 * coordinator (the caller's scope) or a coordinator's upload (its department), of that department.
	 */
	static boolean inScope(Tenancy.Scope scope, Long importDepartmentId, Student student) {
		return Objects.equals(student.institutionId(), scope.institutionId())
				&& (scope.wholeInstitution() || Objects.equals(scope.departmentId(), student.departmentId()))
				&& (importDepartmentId == null || importDepartmentId.equals(student.departmentId()));
	}

	BigDecimal gpaScale(long institutionId) {
		return this.organizations.findInstitutionDetails(institutionId)
			.map(InstitutionDetails::gpaScale)
			.orElse(DEFAULT_GPA_SCALE);
	}

	String text(Problem problem) {
		return text(problem.key(), problem.arguments().toArray());
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
